import { z } from "zod";
import { createTRPCRouter, fullAccessProcedure } from "@/server/api/trpc";

export const templateRouter = createTRPCRouter({
  list: fullAccessProcedure.query(({ ctx }) => ctx.services.templates.list()),
  /** Copies the template into a new flow owned by the caller. */
  use: fullAccessProcedure.input(z.object({ id: z.string().min(1).max(100) })).mutation(({ ctx, input }) => ctx.services.templates.use(ctx.caller, input.id)),
});

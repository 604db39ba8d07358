import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "@/server/api/trpc";

export const templateRouter = createTRPCRouter({
  list: publicProcedure.query(({ ctx }) => ctx.services.templates.list()),
  use: publicProcedure.input(z.object({ id: z.string().min(1).max(100) })).mutation(({ ctx, input }) => ctx.services.templates.use(input.id)),
});

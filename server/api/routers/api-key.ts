import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "@/server/api/trpc";

const name = z.string().trim().min(1, "name must not be empty").max(100, "name must be at most 100 characters");

export const apiKeyRouter = createTRPCRouter({
  /** The only time the key itself is returned. */
  create: publicProcedure.input(z.object({ name })).mutation(({ ctx, input }) => ctx.services.apiKeys.create(input.name)),
  list: publicProcedure.query(({ ctx }) => ctx.services.apiKeys.list()),
  revoke: publicProcedure.input(z.object({ id: z.string().min(1).max(100) })).mutation(({ ctx, input }) => ctx.services.apiKeys.revoke(input.id)),
});

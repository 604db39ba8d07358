import { z } from "zod";
import { createTRPCRouter, fullAccessProcedure } from "@/server/api/trpc";
import { apiKeyScopes } from "@/server/services/api-key-service";

const name = z.string().trim().min(1, "name must not be empty").max(100, "name must be at most 100 characters");

export const apiKeyRouter = createTRPCRouter({
  /** The only time the key itself is returned. `scope`: `run` (run flows, read their runs) or `full` (default). */
  create: fullAccessProcedure
    .input(z.object({ name, scope: z.enum(apiKeyScopes).optional() }))
    .mutation(({ ctx, input }) => ctx.services.apiKeys.create(ctx.caller, input)),
  list: fullAccessProcedure.query(({ ctx }) => ctx.services.apiKeys.list(ctx.caller)),
  revoke: fullAccessProcedure
    .input(z.object({ id: z.string().min(1).max(100) }))
    .mutation(({ ctx, input }) => ctx.services.apiKeys.revoke(ctx.caller, input.id)),
});

import { z } from "zod";
import { providerNames } from "@/lib/llm/providers";
import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";

export const providerRouter = createTRPCRouter({
  /** The model ids a provider's endpoint offers, asked with the caller's own credential (bound to its endpoint) or the server's. */
  models: protectedProcedure
    .input(
      z.object({
        provider: z.enum(providerNames),
        credentialId: z.string().min(1).max(200).optional(),
        baseUrl: z.string().trim().max(2000, "Base URL must be at most 2000 characters").optional(),
      }),
    )
    .query(({ ctx, input }) => ctx.services.providerModels.list(ctx.caller, input)),
  /** Each provider's status as the CLI's `providers` shows it: available, key set (never the key), default model. */
  status: protectedProcedure.query(({ ctx }) => ctx.services.providerStatus.list(ctx.caller)),
});

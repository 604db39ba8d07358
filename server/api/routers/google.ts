import { z } from "zod";
import { createTRPCRouter, fullAccessProcedure } from "@/server/api/trpc";

// The caller's own Google connection: each user connects (and may enter an OAuth client) for themselves.
export const googleRouter = createTRPCRouter({
  status: fullAccessProcedure.query(({ ctx }) => ctx.services.google.status(ctx.caller)),

  /** Stores the OAuth client entered in Settings (used when GOOGLE_CLIENT_ID/SECRET are not set). */
  saveClient: fullAccessProcedure
    .input(z.object({ clientId: z.string().trim().min(10, "client id looks too short").max(500), clientSecret: z.string().trim().min(8, "client secret looks too short").max(500) }))
    .mutation(({ ctx, input }) => ctx.services.google.saveClient(ctx.caller, input)),

  disconnect: fullAccessProcedure.mutation(({ ctx }) => ctx.services.google.disconnect(ctx.caller)),
});

import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "@/server/api/trpc";

export const googleRouter = createTRPCRouter({
  status: publicProcedure.query(({ ctx }) => ctx.services.google.status()),

  /** Stores the OAuth client entered in Settings (used when GOOGLE_CLIENT_ID/SECRET are not set). */
  saveClient: publicProcedure
    .input(z.object({ clientId: z.string().trim().min(10, "client id looks too short").max(500), clientSecret: z.string().trim().min(8, "client secret looks too short").max(500) }))
    .mutation(({ ctx, input }) => ctx.services.google.saveClient(input)),

  disconnect: publicProcedure.mutation(({ ctx }) => ctx.services.google.disconnect()),
});

import { z } from "zod";
import { flowIdSchema } from "@/lib/flow/flow-inputs";
import { createTRPCRouter, fullAccessProcedure, publicProcedure } from "@/server/api/trpc";
import { absoluteUrlFromHeaders } from "@/server/http/public-origin";

// A malformed token is simply unknown: NOT_FOUND from the service, like a revoked one.
const token = z.string().min(1).max(200);

export const shareRouter = createTRPCRouter({
  // The full link is built here, on the public origin (OSMEN_ORIGIN, else the address the browser used).
  create: fullAccessProcedure.input(z.object({ flowId: flowIdSchema })).mutation(async ({ ctx, input }) => {
    const link = await ctx.services.shares.create(ctx.caller, input.flowId);
    return { ...link, url: absoluteUrlFromHeaders(link.path, ctx.headers) };
  }),
  list: fullAccessProcedure.input(z.object({ flowId: flowIdSchema })).query(({ ctx, input }) => ctx.services.shares.list(ctx.caller, input.flowId)),
  revoke: fullAccessProcedure.input(z.object({ id: z.string().min(1).max(100) })).mutation(({ ctx, input }) => ctx.services.shares.revoke(ctx.caller, input.id)),
  /** Opens a link for chatting (visitors chat as the owner, at /share/<token>/chat), or closes it. */
  setChat: fullAccessProcedure
    .input(z.object({ id: z.string().min(1).max(100), chatEnabled: z.boolean() }))
    .mutation(({ ctx, input }) => ctx.services.shares.setChatEnabled(ctx.caller, input.id, input.chatEnabled)),
  /** Public: whoever holds the token sees the shared flow, and nothing else. */
  view: publicProcedure.input(z.object({ token })).query(({ ctx, input }) => ctx.services.shares.view(input.token)),
  duplicate: fullAccessProcedure.input(z.object({ token })).mutation(({ ctx, input }) => ctx.services.shares.duplicate(ctx.caller, input.token)),
});

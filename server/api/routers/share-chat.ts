import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "@/server/api/trpc";
import { MAX_RUN_INPUT_LENGTH } from "@/server/api/routers/run";

// Chatting through a share link open for it. Public: the share token and the visitor id are all a call carries
// that counts; the caller (a signed-in session, if the browser sends one) is never used, so a site that embeds
// the chat cannot act as anyone through it.
const token = z.string().min(1).max(200);
const visitorId = z.string().min(1).max(100);
const sessionId = z.string().min(1, "sessionId must not be empty").max(100);

export const shareChatRouter = createTRPCRouter({
  /** The shared flow's name and description; NOT_FOUND unless the link is live and open for chatting. */
  info: publicProcedure.input(z.object({ token })).query(({ ctx, input }) => ctx.shareChat.info(input.token)),
  /** Sends a message and answers with the reply's text (and the visitor id to keep using). */
  send: publicProcedure
    .input(
      z.object({
        token,
        visitorId: visitorId.optional(),
        sessionId: sessionId.optional(),
        message: z.string().trim().min(1, "message must not be empty").max(MAX_RUN_INPUT_LENGTH, "message must be at most 1,000,000 characters"),
      }),
    )
    .mutation(({ ctx, input }) =>
      ctx.shareChat.send(input.token, { visitorId: input.visitorId, headers: ctx.headers }, { sessionId: input.sessionId, message: input.message }),
    ),
  /** One of the visitor's own sessions, as text. */
  session: publicProcedure
    .input(z.object({ token, visitorId, sessionId }))
    .query(({ ctx, input }) => ctx.shareChat.session(input.token, input.visitorId, input.sessionId)),
});

import { z } from "zod";
import { flowIdSchema } from "@/lib/flow/flow-inputs";
import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { MAX_RUN_INPUT_LENGTH } from "@/server/api/routers/run";

const sessionId = z.string().min(1, "sessionId must not be empty").max(100);

// Chatting with a flow: each message is a run of it (which a `run`-scoped API key may start), with the
// session's earlier messages as history.
export const chatRouter = createTRPCRouter({
  send: protectedProcedure
    .input(
      z.object({
        flowId: flowIdSchema,
        sessionId: sessionId.optional(),
        message: z.string().trim().min(1, "message must not be empty").max(MAX_RUN_INPUT_LENGTH, "message must be at most 1,000,000 characters"),
      }),
    )
    .mutation(({ ctx, input }) => ctx.chat.send(ctx.caller, { ...input, source: "playground" })),

  sessions: protectedProcedure.input(z.object({ flowId: flowIdSchema })).query(({ ctx, input }) => ctx.chat.sessions(ctx.caller, input.flowId)),

  session: protectedProcedure.input(z.object({ sessionId })).query(({ ctx, input }) => ctx.chat.session(ctx.caller, input.sessionId)),

  deleteSession: protectedProcedure.input(z.object({ sessionId })).mutation(({ ctx, input }) => ctx.chat.deleteSession(ctx.caller, input.sessionId)),
});

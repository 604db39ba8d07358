import { tracked } from "@trpc/server";
import { z } from "zod";
import { isAppError } from "@/lib/errors";
import { flowIdSchema } from "@/lib/flow/flow-inputs";
import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { toTRPCError } from "@/server/errors";

const runId = z.string().min(1).max(100);
export const MAX_RUN_INPUT_LENGTH = 1_000_000;

// Running flows and reading their runs: what a `run`-scoped API key may do, so these need only a caller.
export const runRouter = createTRPCRouter({
  start: protectedProcedure
    .input(z.object({ flowId: flowIdSchema, input: z.string().max(MAX_RUN_INPUT_LENGTH, "input must be at most 1,000,000 characters") }))
    .mutation(({ ctx, input }) => ctx.runs.start(ctx.caller, { flowId: input.flowId, input: input.input, source: "canvas" })),

  cancel: protectedProcedure.input(z.object({ runId })).mutation(({ ctx, input }) => ctx.runs.cancel(ctx.caller, input.runId)),
  pin: protectedProcedure.input(z.object({ runId, pinned: z.boolean() })).mutation(({ ctx, input }) => ctx.runs.pin(ctx.caller, input.runId, input.pinned)),

  get: protectedProcedure.input(z.object({ runId })).query(({ ctx, input }) => ctx.runs.get(ctx.caller, input.runId)),

  list: protectedProcedure.input(z.object({ flowId: flowIdSchema })).query(({ ctx, input }) => ctx.runs.list(ctx.caller, input.flowId)),

  /**
   * The run's events after `afterSeq`, stored then live, ending with its last event. Each event is tracked by
   * its seq, so the client's automatic reconnect resumes from the last one it received.
   */
  events: protectedProcedure
    .input(z.object({ runId, afterSeq: z.number().int().min(0).default(0), lastEventId: z.string().nullish() }))
    .subscription(async function* ({ ctx, input, signal }) {
      const afterSeq = input.lastEventId ? Number(input.lastEventId) : input.afterSeq;
      try {
        for await (const event of ctx.runs.events(ctx.caller, input.runId, afterSeq, signal)) {
          yield tracked(String(event.seq), event);
        }
      } catch (error) {
        // A subscription's errors surface after the middleware has returned, so map them here (NOT_FOUND stays NOT_FOUND).
        throw isAppError(error) ? toTRPCError(error) : error;
      }
    }),
});

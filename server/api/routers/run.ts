import { tracked } from "@trpc/server";
import { z } from "zod";
import { flowIdSchema } from "@/lib/flow/flow-inputs";
import { createTRPCRouter, publicProcedure } from "@/server/api/trpc";

const runId = z.string().min(1).max(100);
export const MAX_RUN_INPUT_LENGTH = 1_000_000;

export const runRouter = createTRPCRouter({
  start: publicProcedure
    .input(z.object({ flowId: flowIdSchema, input: z.string().max(MAX_RUN_INPUT_LENGTH, "input must be at most 1,000,000 characters") }))
    .mutation(({ ctx, input }) => ctx.runs.start({ flowId: input.flowId, input: input.input, source: "canvas" })),

  cancel: publicProcedure.input(z.object({ runId })).mutation(({ ctx, input }) => ctx.runs.cancel(input.runId)),

  get: publicProcedure.input(z.object({ runId })).query(({ ctx, input }) => ctx.runs.get(input.runId)),

  list: publicProcedure.input(z.object({ flowId: flowIdSchema })).query(({ ctx, input }) => ctx.runs.list(input.flowId)),

  /**
   * The run's events after `afterSeq`, stored then live, ending with its last event. Each event is tracked by
   * its seq, so the client's automatic reconnect resumes from the last one it received.
   */
  events: publicProcedure
    .input(z.object({ runId, afterSeq: z.number().int().min(0).default(0), lastEventId: z.string().nullish() }))
    .subscription(async function* ({ ctx, input, signal }) {
      const afterSeq = input.lastEventId ? Number(input.lastEventId) : input.afterSeq;
      for await (const event of ctx.runs.events(input.runId, afterSeq, signal)) {
        yield tracked(String(event.seq), event);
      }
    }),
});

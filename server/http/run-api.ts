// /api/v1 flow runs: start and wait for the JSON answer, or stream the RunEvents as server-sent events.
import { z } from "zod";
import { terminalEventTypes } from "@/lib/engine/events";
import type { RunDetail } from "@/server/runs/run-records";
import { sseResponse, type SseFrame } from "./sse.ts";
import { wantsEventStream, type ApiContext } from "./api-route.ts";

export const runRequestSchema = z.object({ input: z.string().max(1_000_000, "input must be at most 1,000,000 characters").default("") });

export const publicRun = (run: RunDetail) => ({
  runId: run.id,
  flowId: run.flowId,
  status: run.status,
  input: run.input,
  output: run.output,
  error: run.error,
  usage: run.usage,
  createdAt: run.createdAt,
  finishedAt: run.finishedAt,
  nodes: run.nodes,
});

async function* eventFrames(context: ApiContext, runId: string): AsyncGenerator<SseFrame> {
  for await (const event of context.runs.events(context.caller, runId, 0, context.request.signal)) {
    yield { id: String(event.seq), event: event.type, data: event };
    if (terminalEventTypes.has(event.type)) return;
  }
}

export async function runFlowOverHttp(context: ApiContext, flowId: string): Promise<Response> {
  const body = runRequestSchema.parse(await context.request.json());
  const { runId } = await context.runs.start(context.caller, { flowId, input: body.input, source: "api" });
  if (wantsEventStream(context.request)) return sseResponse(eventFrames(context, runId), context.request.signal);
  const run = await context.runs.waitFor(context.caller, runId, context.request.signal);
  return Response.json(publicRun(run));
}

// /api/v1 flow runs: start and wait for the JSON answer, or stream the RunEvents as server-sent events.
import { z } from "zod";
import { terminalEventTypes } from "@/lib/engine/events";
import { AppError } from "@/lib/errors";
import type { RunDetail } from "@/server/runs/run-records";
import { sseResponse, type SseFrame, type SseOptions } from "./sse.ts";
import { wantsEventStream, type ApiContext } from "./api-route.ts";

export const runRequestSchema = z.object({ input: z.string().max(1_000_000, "input must be at most 1,000,000 characters").default("") });

/** Every node's warnings (an empty or cut-off answer, an agent out of steps), in node order. */
export const runWarnings = (run: Pick<RunDetail, "nodes">) =>
  Object.entries(run.nodes).flatMap(([nodeId, node]) => (node.warnings ?? []).map((warning) => ({ nodeId, ...warning })));

export const publicRun = (run: RunDetail) => ({
  runId: run.id,
  flowId: run.flowId,
  status: run.status,
  input: run.input,
  output: run.output,
  error: run.error,
  usage: run.usage,
  warnings: runWarnings(run),
  createdAt: run.createdAt,
  finishedAt: run.finishedAt,
  nodes: run.nodes,
});

async function* eventFrames(context: ApiContext, runId: string, afterSeq = 0): AsyncGenerator<SseFrame> {
  for await (const event of context.runs.events(context.caller, runId, afterSeq, context.request.signal)) {
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

/**
 * The seq to resume after: the `Last-Event-ID` header an EventSource sends when it reconnects (each frame's id is
 * its seq), else the `after` query parameter, else 0 (the whole run). Anything else is a 400 naming the fix.
 */
export function resumeSeqOf(request: Request): number {
  const raw = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("after") ?? "0";
  const seq = Number(raw);
  if (!Number.isInteger(seq) || seq < 0) {
    throw new AppError("BAD_REQUEST", `Last-Event-ID (or ?after=) must be the seq of the last event received, a whole number; got "${raw}".`);
  }
  return seq;
}

/**
 * GET /api/v1/runs/{id}/events: any run's events as SSE, stored then live, ending with its last event. A client
 * cut off mid-run (a proxy's idle timeout) reconnects with Last-Event-ID and misses nothing and repeats nothing.
 */
export async function runEventsOverHttp(context: ApiContext, runId: string, options: SseOptions = {}): Promise<Response> {
  const afterSeq = resumeSeqOf(context.request);
  await context.runs.get(context.caller, runId); // a missing run is a 404 before the stream starts, not an error frame inside it
  return sseResponse(eventFrames(context, runId, afterSeq), context.request.signal, options);
}

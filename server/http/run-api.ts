// /api/v1 flow runs: start and wait for the JSON answer, or stream the RunEvents as server-sent events.
import { z } from "zod";
import { terminalEventTypes } from "@/lib/engine/events";
import { AppError } from "@/lib/errors";
import type { RunDetail } from "@/server/runs/run-records";
import { sseResponse, type SseFrame, type SseOptions } from "./sse.ts";
import { wantsEventStream, type ApiContext } from "./api-route.ts";

/** `sessionId`: the chat session the input is the next message of, or "new" to start one (see runFlowOverHttp). */
export const runRequestSchema = z.object({
  input: z.string().max(1_000_000, "input must be at most 1,000,000 characters").default(""),
  sessionId: z.string().min(1, 'sessionId must be a chat session\'s id, or "new" to start one').max(100).optional(),
});

/** The header that names the chat session of a run started with `sessionId`. */
export const SESSION_HEADER = "osmen-session-id";

/** Every node's warnings (an empty or cut-off answer, an agent out of steps), in node order. */
export const runWarnings = (run: Pick<RunDetail, "nodes">) =>
  Object.entries(run.nodes).flatMap(([nodeId, node]) => (node.warnings ?? []).map((warning) => ({ nodeId, ...warning })));

export const publicRun = (run: RunDetail) => ({
  runId: run.id,
  flowId: run.flowId,
  sessionId: run.sessionId,
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

/**
 * POST /api/v1/flows/{id}/run. With `sessionId` the input is the next message of that chat session (or of a new
 * one for "new"): the flow's memory node gets the session's earlier messages, the answer is stored in the
 * session, and the answer names the session (`sessionId`, and the osmen-session-id header when streaming).
 */
export async function runFlowOverHttp(context: ApiContext, flowId: string): Promise<Response> {
  const body = runRequestSchema.parse(await context.request.json());
  const { runId, sessionId } = await startRun(context, flowId, body);
  if (wantsEventStream(context.request)) {
    const response = sseResponse(eventFrames(context, runId), context.request.signal);
    if (sessionId) response.headers.set(SESSION_HEADER, sessionId);
    return response;
  }
  const run = await context.runs.waitFor(context.caller, runId, context.request.signal);
  // The answer is in the session before the client can send its next message.
  if (sessionId) await context.chat.answered(runId);
  return Response.json(publicRun(run));
}

async function startRun(context: ApiContext, flowId: string, body: z.output<typeof runRequestSchema>): Promise<{ runId: string; sessionId?: string }> {
  if (body.sessionId === undefined) return context.runs.start(context.caller, { flowId, input: body.input, source: "api" });
  const sessionId = body.sessionId === "new" ? undefined : body.sessionId;
  return context.chat.send(context.caller, { flowId, sessionId, message: body.input, source: "api" });
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

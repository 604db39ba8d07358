// A running OsMEN Studio server driven over its own HTTP surfaces, as the canvas and API clients do: tRPC
// calls (wireTransformer envelope; mutations marked same-origin as the app's page sends them), the run.events
// subscription over server-sent events as tRPC's httpSubscriptionLink reads it, and /api/v1 with an API key.
import type { RunEvent } from "@/lib/engine/events";
import { wireTransformer } from "@/lib/wire-transformer";
import { sseMessages } from "./sse-frames.ts";

type TrpcAnswer = { result?: { data: unknown }; error?: unknown };

/**
 * Calls tRPC procedure `path` ("flow.create") on the server at `base` and answers its output.
 * @throws Error naming the procedure, the HTTP status and the server's error when the call fails.
 */
export async function trpc<Output>(base: string, path: string, input: unknown, kind: "query" | "mutation" = "mutation"): Promise<Output> {
  const envelope = JSON.stringify(wireTransformer.serialize(input));
  const response =
    kind === "mutation"
      ? await fetch(`${base}/api/trpc/${path}`, { method: "POST", headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" }, body: envelope })
      : await fetch(`${base}/api/trpc/${path}?input=${encodeURIComponent(envelope)}`);
  const body = (await response.json()) as TrpcAnswer;
  if (!response.ok || !body.result) throw new Error(`${path} failed (${response.status}): ${JSON.stringify(body.error)}`);
  return wireTransformer.deserialize(body.result.data) as Output;
}

/**
 * A run's events from the run.events subscription, from the start, until the server ends the stream (after the
 * run's last event); `onEvent` hears each as it arrives. @throws Error with the server's error when the
 * subscription fails.
 */
export async function runEventsOverTrpc(base: string, runId: string, onEvent: (event: RunEvent) => void = () => undefined): Promise<RunEvent[]> {
  const input = encodeURIComponent(JSON.stringify(wireTransformer.serialize({ runId, afterSeq: 0 })));
  const response = await fetch(`${base}/api/trpc/run.events?input=${input}`, { headers: { accept: "text/event-stream" } });
  const events: RunEvent[] = [];
  for await (const message of sseMessages(response)) {
    if (message.event === "return") return events; // the procedure's generator ended
    if (message.event === "serialized-error") throw new Error(`run.events failed: ${message.data}`);
    if (message.event !== "message") continue; // "connected", "ping"
    const event = wireTransformer.deserialize(JSON.parse(message.data)) as RunEvent;
    if (message.id !== String(event.seq)) throw new Error(`run.events frame id ${message.id} is not its event's seq ${event.seq}`);
    events.push(event);
    onEvent(event);
  }
  return events;
}

/**
 * A run's events from GET /api/v1/runs/{id}/events (SSE) with API key `apiKey`, until the stream ends;
 * `onEvent` hears each as it arrives. @throws Error when a frame's id or event name disagrees with its event,
 * or the stream sends an error frame.
 */
export async function runEventsOverApi(base: string, apiKey: string, runId: string, onEvent: (event: RunEvent) => void = () => undefined): Promise<RunEvent[]> {
  const response = await fetch(`${base}/api/v1/runs/${runId}/events`, { headers: { authorization: `Bearer ${apiKey}`, accept: "text/event-stream" } });
  const events: RunEvent[] = [];
  for await (const message of sseMessages(response)) {
    if (message.event === "error") throw new Error(`/api/v1 event stream failed: ${message.data}`);
    const event = JSON.parse(message.data) as RunEvent;
    if (message.id !== String(event.seq) || message.event !== event.type) throw new Error(`frame ${message.id}/${message.event} does not match its event ${event.seq}/${event.type}`);
    events.push(event);
    onEvent(event);
  }
  return events;
}

/** POSTs /api/v1/flows/{id}/run as an API client that wants the final run back (the call waits for it). */
export async function runFlowOverApi(base: string, apiKey: string, flowId: string, input: string): Promise<{ runId: string; status: string }> {
  const response = await fetch(`${base}/api/v1/flows/${flowId}/run`, {
    method: "POST",
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
    body: JSON.stringify({ input }),
  });
  if (!response.ok) throw new Error(`running flow ${flowId} failed (${response.status}): ${await response.text()}`);
  return (await response.json()) as { runId: string; status: string };
}

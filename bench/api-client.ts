// The HTTP API as an app calls it (/api/v1 with an API key), for the run benchmark's measurements.
import { rpc } from "./run-server.ts";

/** What `POST /api/v1/flows/{id}/run` answers as JSON once the run has ended (the fields the benchmark reads). */
export type ApiRun = { runId: string; status: string; output: unknown; error: unknown };

/** A server-sent event as received: its `event:` name, its parsed `data:` JSON, and when it arrived. */
export type SseEvent = { event: string; data: { type?: string; nodeId?: string; text?: string }; receivedAt: number };

/** A new full-access API key; in local mode the loopback caller is the owner, who may create one. */
export async function createApiKey(base: string): Promise<string> {
  return (await rpc<{ key: string }>(base, "apiKey.create", { name: "Benchmark" })).key;
}

const authorized = (key: string, accept: string) => ({ authorization: `Bearer ${key}`, "content-type": "application/json", accept });

/** Runs a flow over the API and waits for its JSON result. @throws on an HTTP error or a run that did not succeed. */
export async function runOverApi(base: string, key: string, flowId: string, input = "go"): Promise<ApiRun> {
  const response = await fetch(`${base}/api/v1/flows/${flowId}/run`, { method: "POST", headers: authorized(key, "application/json"), body: JSON.stringify({ input }) });
  const run = (await response.json()) as ApiRun;
  if (!response.ok || run.status !== "succeeded") throw new Error(`run over the API: HTTP ${response.status}, ${JSON.stringify(run).slice(0, 300)}`);
  return run;
}

/** Starts a run over the API as a server-sent event stream (`Accept: text/event-stream`). */
export async function startStreamingRun(base: string, key: string, flowId: string, input = "go"): Promise<Response> {
  const response = await fetch(`${base}/api/v1/flows/${flowId}/run`, { method: "POST", headers: authorized(key, "text/event-stream"), body: JSON.stringify({ input }) });
  if (!response.ok || !response.body) throw new Error(`streaming run over the API: HTTP ${response.status}`);
  return response;
}

/** A stored run's events as SSE, from the first (`GET /api/v1/runs/{id}/events`). */
export async function replayRun(base: string, key: string, runId: string): Promise<Response> {
  const response = await fetch(`${base}/api/v1/runs/${runId}/events`, { headers: authorized(key, "text/event-stream") });
  if (!response.ok || !response.body) throw new Error(`replay over the API: HTTP ${response.status}`);
  return response;
}

/** Parses an SSE body into events as each frame arrives (`now()` stamps it); comment lines (pings) are skipped. */
export async function* sseEvents(response: Response, now: () => number = () => performance.now()): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder();
  let buffered = "";
  for await (const part of response.body as unknown as AsyncIterable<Uint8Array>) {
    const receivedAt = now();
    buffered += decoder.decode(part, { stream: true });
    let end: number;
    while ((end = buffered.indexOf("\n\n")) >= 0) {
      const frame = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      const event = /^event: (.*)$/m.exec(frame)?.[1];
      const data = /^data: (.*)$/m.exec(frame)?.[1];
      if (event !== undefined && data !== undefined) yield { event, data: JSON.parse(data) as SseEvent["data"], receivedAt };
    }
  }
}

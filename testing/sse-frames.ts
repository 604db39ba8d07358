// Reads a server-sent events body frame by frame (WHATWG HTML §9.2 "Parsing an event stream"), for tests that
// follow a stream the way a browser's EventSource does: `id`, `event` and `data` fields; comment lines
// (heartbeats) skipped; a frame ends at a blank line. Lines end in LF, as both of this app's streams send them.

/** One dispatched frame: `event` is "message" when the frame named none, `data` its data lines joined by "\n". */
export type SseMessage = { id?: string; event: string; data: string };

function parseFrame(lines: string[]): SseMessage | undefined {
  const frame: { id?: string; event?: string; data: string[] } = { data: [] };
  for (const line of lines) {
    if (line === "" || line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "data") frame.data.push(value);
    else if (field === "event") frame.event = value;
    else if (field === "id") frame.id = value;
  }
  if (frame.data.length === 0) return undefined; // a heartbeat, or a frame with nothing to dispatch
  return { id: frame.id, event: frame.event ?? "message", data: frame.data.join("\n") };
}

/**
 * The frames of `response`'s body, in order, until the server ends the stream.
 * @throws Error when the response is not a 200 text/event-stream (its status and body start are named).
 */
export async function* sseMessages(response: Response): AsyncGenerator<SseMessage> {
  const type = response.headers.get("content-type") ?? "";
  if (!response.ok || !type.startsWith("text/event-stream") || !response.body) {
    throw new Error(`expected a 200 event stream, got ${response.status} ${type}: ${(await response.text()).slice(0, 300)}`);
  }
  const decoder = new TextDecoder();
  let buffered = "";
  for await (const part of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffered += decoder.decode(part, { stream: true });
    for (let end = buffered.indexOf("\n\n"); end !== -1; end = buffered.indexOf("\n\n")) {
      const message = parseFrame(buffered.slice(0, end).split("\n"));
      buffered = buffered.slice(end + 2);
      if (message) yield message;
    }
  }
}

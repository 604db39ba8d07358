// The scripting shared by the fake provider servers: a queue of canned responses, a record of what was asked,
// and helpers to stream chunks with delays or stall. Each server (ollama.ts, openai.ts, anthropic.ts) only
// renders a reply in its own wire format.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type ScriptedToolCall = {
  id?: string;
  name: string;
  arguments: Record<string, unknown>;
  /**
   * Sent instead of `arguments`, as a model that gets them wrong does: raw text for OpenAI and Anthropic streams
   * (`'{"city": '` is cut-off JSON, `'["x"]'` valid JSON but no object); Ollama sends it parsed when it parses.
   */
  rawArguments?: string;
};

/** The JSON text a tool call's arguments stream as. */
export const argumentsText = (call: ScriptedToolCall) => call.rawArguments ?? JSON.stringify(call.arguments);

/** The arguments as a provider that sends them parsed (Ollama) would: the raw text's value, or the text itself. */
export function argumentsValue(call: ScriptedToolCall): unknown {
  if (call.rawArguments === undefined) return call.arguments;
  try {
    return JSON.parse(call.rawArguments);
  } catch {
    return call.rawArguments;
  }
}

/** A model answer. Streamed when the client asked for a stream, one JSON body otherwise. */
export type ScriptedReply = {
  /** A string is streamed a word at a time; an array is streamed as exactly these chunks. */
  text?: string | string[];
  /** Reasoning streamed before the answer: Ollama's `thinking`, Anthropic's thinking block. Split like `text`. */
  reasoning?: string | string[];
  toolCalls?: ScriptedToolCall[];
  /** Defaults to "tool_calls" when there are tool calls, else "stop". */
  finishReason?: "stop" | "length" | "tool_calls";
  usage?: { inputTokens: number; outputTokens: number };
  model?: string;
  /** Waits this long before answering at all, streamed or not (a model slow to its first token). */
  delayMs?: number;
  /** Holds the answer until this settles (after `delayMs`): a gate the test opens once it has seen what it waits for. */
  until?: Promise<unknown>;
  /** Waits this long before each streamed chunk (a slow model). */
  chunkDelayMs?: number;
  /**
   * Streams this many content chunks (text or tool-call pieces, after the protocol's opening events), then
   * stalls until the client goes away: for abort and timeout tests.
   */
  hangAfterChunks?: number;
};

/** An HTTP error in the provider's own error format, e.g. `{ error: { status: 429, headers: { "retry-after": "1" } } }`. */
export type ScriptedError = { error: { status: number; message?: string; type?: string; headers?: Record<string, string> } };

export type ScriptedResponse =
  | ScriptedReply
  | ScriptedError
  /** Reads the request and never answers. */
  | { hang: true }
  /** Drops the connection without an answer. */
  | { disconnect: true };

export type RecordedRequest = {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** The parsed JSON body (undefined when there was none). */
  body: any;
  /** True once the client hung up before the response ended (an aborted or cancelled request); model servers only. */
  isAbandoned: boolean;
};

export type ResponseScript = ScriptedResponse | ((request: RecordedRequest) => ScriptedResponse);

export type ScriptedServer = {
  /** The base URL to hand the SDK (OpenAI's includes /v1). */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  /** Every request received, oldest first. */
  readonly requests: RecordedRequest[];
  /** Queues responses for the next model requests, in order. */
  enqueue(...responses: ResponseScript[]): void;
  /** What a model request gets when the queue is empty. */
  setDefault(response: ResponseScript): void;
  /** Empties the queue and the request log. */
  reset(): void;
  /** Closes the server, cutting any stalled responses. */
  close(): Promise<void>;
};

export type Route = (request: RecordedRequest, response: ServerResponse, next: () => ScriptedResponse) => Promise<void> | void;

export const isScriptedError = (value: ScriptedResponse): value is ScriptedError => "error" in value;

export function splitText(text: string | string[] | undefined): string[] {
  if (text === undefined) return [];
  if (Array.isArray(text)) return text;
  return text.match(/\S+\s*|\s+/g) ?? [];
}

/** Splits a JSON text into a few pieces, as providers stream tool arguments. */
export function splitJson(json: string, pieces = 3): string[] {
  const size = Math.max(1, Math.ceil(json.length / pieces));
  const parts: string[] = [];
  for (let start = 0; start < json.length; start += size) parts.push(json.slice(start, start + size));
  return parts.length > 0 ? parts : [""];
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Writes the chunks honouring the reply's pacing. Without delays everything goes out in one write, which keeps
 * the benchmark's server cost low.
 */
export async function writeChunks(
  response: ServerResponse,
  chunks: string[],
  reply: ScriptedReply,
  openingEvents = 0,
): Promise<void> {
  const delay = reply.chunkDelayMs ?? 0;
  const hangAfter = openingEvents + (reply.hangAfterChunks ?? Number.POSITIVE_INFINITY);
  if (delay === 0 && hangAfter >= chunks.length) {
    response.end(chunks.join(""));
    return;
  }
  for (const [index, chunk] of chunks.entries()) {
    if (index >= hangAfter) return; // stall: the client must give up on its own
    if (delay > 0) await wait(delay);
    if (response.destroyed || response.writableEnded) return;
    response.write(chunk);
  }
  response.end();
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    request.on("data", (part: Buffer) => parts.push(part));
    request.on("end", () => resolve(Buffer.concat(parts).toString("utf8")));
    request.on("error", reject);
  });
}

export async function record(request: IncomingMessage): Promise<RecordedRequest> {
  const text = await readBody(request);
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  const path = (request.url ?? "/").split("?")[0]!;
  return { method: request.method ?? "GET", path, headers: request.headers, body, isAbandoned: false };
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
}

type StartOptions = { route: Route; defaultResponse: ScriptedResponse; pathPrefix?: string };

export async function startScriptedServer({ route, defaultResponse, pathPrefix = "" }: StartOptions): Promise<ScriptedServer> {
  const queue: ResponseScript[] = [];
  const requests: RecordedRequest[] = [];
  let fallback: ResponseScript = defaultResponse;
  const server = createServer(async (incoming, response) => {
    const request = await record(incoming);
    requests.push(request);
    response.once("close", () => void (request.isAbandoned = !response.writableFinished));
    const next = () => {
      const script = queue.shift() ?? fallback;
      return typeof script === "function" ? script(request) : script;
    };
    try {
      await route(request, response, next);
    } catch (error) {
      if (!response.headersSent) sendJson(response, 500, { error: String(error) });
      else response.destroy();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${pathPrefix}`,
    origin,
    port,
    requests,
    enqueue: (...responses) => void queue.push(...responses),
    setDefault: (response) => void (fallback = response),
    reset: () => {
      queue.length = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** How one server renders a model reply in its own wire format. */
export type ReplyFormat = {
  /** The model named in the answer when neither the script nor the request names one. */
  defaultModel: string;
  sendError(response: ServerResponse, script: ScriptedError): void;
  /** Answers instead of the model when the request must be refused (e.g. an unknown model); true when it did. */
  refuse?(model: string, response: ServerResponse): boolean;
  isStreamed(request: RecordedRequest): boolean;
  /** The whole answer as one JSON body, for a request that did not ask for a stream. */
  whole(model: string, reply: ScriptedReply): { body: unknown; headers?: Record<string, string> };
  /**
   * The streamed answer: its response headers, its chunks, and how many opening chunks come before the
   * content that `hangAfterChunks` counts.
   */
  streamed(model: string, reply: ScriptedReply): { headers: Record<string, string>; chunks: string[]; openingEvents?: number };
};

/**
 * Answers a model request with its script the same way on every server: stalls and errors first, then the
 * reply's initial delay, then one JSON body or the paced stream.
 */
export async function sendReply(request: RecordedRequest, response: ServerResponse, script: ScriptedResponse, format: ReplyFormat): Promise<void> {
  if (handleStall(script, response)) return;
  if (isScriptedError(script)) return format.sendError(response, script);
  const model = script.model ?? request.body?.model ?? format.defaultModel;
  if (format.refuse?.(model, response)) return;
  if (script.delayMs) await wait(script.delayMs);
  await script.until;
  if (response.destroyed) return;
  if (!format.isStreamed(request)) {
    const { body, headers } = format.whole(model, script);
    return sendJson(response, 200, body, headers);
  }
  const { headers, chunks, openingEvents } = format.streamed(model, script);
  response.writeHead(200, headers);
  await writeChunks(response, chunks, script, openingEvents);
}

/** Handles the three non-reply scripts the same way on every server; returns false for a reply or an error. */
export function handleStall(
  script: ScriptedResponse,
  response: ServerResponse,
): script is { hang: true } | { disconnect: true } {
  if ("hang" in script) return true; // keep the socket open, answer nothing
  if ("disconnect" in script) {
    response.socket?.destroy();
    return true;
  }
  return false;
}

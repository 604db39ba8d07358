// A local server speaking Ollama's HTTP API: NDJSON /api/chat (streamed unless `stream: false`), /api/tags and
// /api/version. Usage:
//   const server = await startOllamaServer();        // server.url -> OLLAMA_HOST / baseUrl
//   server.enqueue({ text: "Hi there" }, { error: { status: 500 } }, { text: ["slow", " tokens"], chunkDelayMs: 200 });
//   ... server.requests[0].body.messages ...; await server.close();
import type { ServerResponse } from "node:http";
import {
  sendJson,
  sendReply,
  splitText,
  argumentsValue,
  startScriptedServer,
  type RecordedRequest,
  type ScriptedReply,
  type ScriptedResponse,
  type ScriptedServer,
} from "./scripted-server.ts";

export type OllamaServerOptions = {
  /** Models listed by /api/tags. */
  models?: string[];
  /** Answer 404 "model not found" for a model not in `models`, as a real server without that model does. */
  rejectUnknownModels?: boolean;
  defaultResponse?: ScriptedResponse;
  /**
   * Paths answered with `307 Temporary Redirect` to the given Location (absolute or relative), as a proxy in
   * front of Ollama might: e.g. `{ "/api/chat": "/ollama/api/chat" }`.
   */
  redirects?: Record<string, string>;
  /** A prefix the API is also served under (Ollama behind a proxy at `/ollama`): `/ollama/api/chat` is `/api/chat`. */
  basePath?: string;
};

const withTag = (model: string) => (model.includes(":") ? model : `${model}:latest`);

function chunk(model: string, message: Record<string, unknown>, extra: Record<string, unknown> = { done: false }) {
  return `${JSON.stringify({ model, created_at: new Date().toISOString(), message: { role: "assistant", ...message }, ...extra })}\n`;
}

function finalFields(reply: ScriptedReply) {
  const reason = reply.finishReason === "length" ? "length" : "stop"; // Ollama says "stop" after tool calls too
  return {
    done: true,
    done_reason: reason,
    total_duration: 1_000_000,
    load_duration: 100_000,
    prompt_eval_count: reply.usage?.inputTokens ?? 10,
    prompt_eval_duration: 200_000,
    eval_count: reply.usage?.outputTokens ?? splitText(reply.text).length,
    eval_duration: 700_000,
  };
}

function toolCallsOf(reply: ScriptedReply) {
  return (reply.toolCalls ?? []).map((call, index) => ({
    id: call.id ?? `call_${index}_${Math.random().toString(36).slice(2, 10)}`,
    function: { index, name: call.name, arguments: argumentsValue(call) },
  }));
}

/** Real Ollama streams text, then tool calls whole in one chunk, then a final `done` chunk with the counts. */
function streamedLines(model: string, reply: ScriptedReply): string[] {
  // A thinking model streams `thinking` with an empty `content` first.
  const lines = splitText(reply.reasoning).map((thinking) => chunk(model, { content: "", thinking }));
  lines.push(...splitText(reply.text).map((text) => chunk(model, { content: text })));
  if (reply.toolCalls?.length) lines.push(chunk(model, { content: "", tool_calls: toolCallsOf(reply) }));
  lines.push(chunk(model, { content: "" }, finalFields(reply)));
  return lines;
}

function sendError(response: ServerResponse, script: Extract<ScriptedResponse, { error: unknown }>) {
  const { status, message, headers } = script.error;
  sendJson(response, status, { error: message ?? `scripted error ${status}` }, headers);
}

function handleChat(request: RecordedRequest, response: ServerResponse, script: ScriptedResponse, options: OllamaServerOptions) {
  const known = (options.models ?? []).map(withTag);
  return sendReply(request, response, script, {
    defaultModel: "llama3.2",
    sendError,
    refuse: (model, refused) => {
      if (!options.rejectUnknownModels || known.includes(withTag(model))) return false;
      sendJson(refused, 404, { error: `model "${model}" not found, try pulling it first` });
      return true;
    },
    isStreamed: () => request.body?.stream !== false, // Ollama streams unless told not to
    whole: (model, reply) => {
      const content = splitText(reply.text).join("");
      const toolCalls = reply.toolCalls?.length ? { tool_calls: toolCallsOf(reply) } : {};
      const thinking = reply.reasoning === undefined ? {} : { thinking: splitText(reply.reasoning).join("") };
      return { body: JSON.parse(chunk(model, { content, ...thinking, ...toolCalls }, finalFields(reply))) };
    },
    streamed: (model, reply) => ({ headers: { "content-type": "application/x-ndjson" }, chunks: streamedLines(model, reply) }),
  });
}

function tags(models: string[]) {
  return {
    models: models.map((model) => ({
      name: withTag(model),
      model: withTag(model),
      modified_at: "2026-01-01T00:00:00Z",
      size: 2_019_393_189,
      digest: "a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72",
      details: { format: "gguf", family: "llama", families: ["llama"], parameter_size: "3.2B", quantization_level: "Q4_K_M" },
    })),
  };
}

export function startOllamaServer(options: OllamaServerOptions = {}): Promise<ScriptedServer> {
  const models = options.models ?? ["llama3.2"];
  return startScriptedServer({
    defaultResponse: options.defaultResponse ?? { text: "Hello from the local Ollama test server." },
    route: async (rawRequest, response, next) => {
      const location = options.redirects?.[rawRequest.path];
      if (location) {
        response.writeHead(307, { location });
        return void response.end();
      }
      const { basePath } = options;
      const request = basePath && rawRequest.path.startsWith(`${basePath}/`) ? { ...rawRequest, path: rawRequest.path.slice(basePath.length) } : rawRequest;
      if (request.path === "/api/chat" && request.method === "POST") return handleChat(request, response, next(), { ...options, models });
      if (request.path === "/api/tags") return sendJson(response, 200, tags(models));
      if (request.path === "/api/version") return sendJson(response, 200, { version: "0.13.0" });
      if (request.path === "/" || request.path === "") {
        response.writeHead(200, { "content-type": "text/plain" });
        return void response.end("Ollama is running");
      }
      sendJson(response, 404, { error: "404 page not found" });
    },
  });
}

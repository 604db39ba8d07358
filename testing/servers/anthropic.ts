// A local server speaking Anthropic's Messages API: the SSE event stream (message_start, content_block_start,
// content_block_delta with text_delta / input_json_delta, content_block_stop, message_delta, message_stop) or one
// JSON message. Usage:
//   const server = await startAnthropicServer({ apiKey: "sk-ant-test" });   // server.url -> ANTHROPIC_BASE_URL
//   server.enqueue({ error: { status: 529 } }, { text: "Hi" });
import type { ServerResponse } from "node:http";
import {
  sendJson,
  sendReply,
  splitJson,
  splitText,
  argumentsText,
  argumentsValue,
  startScriptedServer,
  type RecordedRequest,
  type ScriptedError,
  type ScriptedReply,
  type ScriptedResponse,
  type ScriptedServer,
} from "./scripted-server.ts";

export type AnthropicServerOptions = {
  /** When set, requests must carry the key (`x-api-key`, or `Authorization: Bearer` as SDK 1.x sends it) or get a 401. */
  apiKey?: string;
  defaultResponse?: ScriptedResponse;
};

const errorTypes: Record<number, string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  403: "permission_error",
  404: "not_found_error",
  413: "request_too_large",
  429: "rate_limit_error",
  500: "api_error",
  529: "overloaded_error",
};

const requestId = () => `req_${Math.random().toString(36).slice(2, 14)}`;

function sendError(response: ServerResponse, { error }: ScriptedError) {
  const type = error.type ?? errorTypes[error.status] ?? "api_error";
  const body = { type: "error", error: { type, message: error.message ?? `scripted error ${error.status}` }, request_id: requestId() };
  sendJson(response, error.status, body, { "request-id": body.request_id, ...error.headers });
}

const stopReasonOf = (reply: ScriptedReply) => {
  const reason = reply.finishReason ?? (reply.toolCalls?.length ? "tool_calls" : "stop");
  return reason === "tool_calls" ? "tool_use" : reason === "length" ? "max_tokens" : "end_turn";
};

const toolId = (reply: ScriptedReply, index: number) => reply.toolCalls?.[index]?.id ?? `toolu_${index}${Math.random().toString(36).slice(2, 14)}`;

function message(model: string, reply: ScriptedReply) {
  const text = splitText(reply.text).join("");
  const thinking = splitText(reply.reasoning).join("");
  const content: object[] = thinking ? [{ type: "thinking", thinking, signature: "sig_test" }] : [];
  if (text) content.push({ type: "text", text });
  (reply.toolCalls ?? []).forEach((call, index) => content.push({ type: "tool_use", id: toolId(reply, index), name: call.name, input: argumentsValue(call) }));
  const usage = { input_tokens: reply.usage?.inputTokens ?? 10, output_tokens: reply.usage?.outputTokens ?? splitText(reply.text).length };
  return { id: `msg_${Date.now()}`, type: "message", role: "assistant", model, content, stop_reason: stopReasonOf(reply), stop_sequence: null, usage };
}

const sse = (type: string, data: object) => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;

function streamedEvents(model: string, reply: ScriptedReply): string[] {
  const whole = message(model, reply);
  const start = { ...whole, content: [], stop_reason: null, usage: { input_tokens: whole.usage.input_tokens, output_tokens: 1 } };
  const events = [sse("message_start", { message: start }), sse("ping", {})];
  let index = 0;
  const thoughts = splitText(reply.reasoning);
  if (thoughts.length > 0) {
    events.push(sse("content_block_start", { index, content_block: { type: "thinking", thinking: "", signature: "" } }));
    for (const thinking of thoughts) events.push(sse("content_block_delta", { index, delta: { type: "thinking_delta", thinking } }));
    events.push(sse("content_block_delta", { index, delta: { type: "signature_delta", signature: "sig_test" } }));
    events.push(sse("content_block_stop", { index: index++ }));
  }
  const texts = splitText(reply.text);
  if (texts.length > 0) {
    events.push(sse("content_block_start", { index, content_block: { type: "text", text: "" } }));
    for (const text of texts) events.push(sse("content_block_delta", { index, delta: { type: "text_delta", text } }));
    events.push(sse("content_block_stop", { index: index++ }));
  }
  (reply.toolCalls ?? []).forEach((call, callIndex) => {
    events.push(sse("content_block_start", { index, content_block: { type: "tool_use", id: toolId(reply, callIndex), name: call.name, input: {} } }));
    for (const piece of splitJson(argumentsText(call))) events.push(sse("content_block_delta", { index, delta: { type: "input_json_delta", partial_json: piece } }));
    events.push(sse("content_block_stop", { index: index++ }));
  });
  events.push(sse("message_delta", { delta: { stop_reason: whole.stop_reason, stop_sequence: null }, usage: { output_tokens: whole.usage.output_tokens } }));
  events.push(sse("message_stop", {}));
  return events;
}

function handleMessages(request: RecordedRequest, response: ServerResponse, script: ScriptedResponse) {
  return sendReply(request, response, script, {
    defaultModel: "claude-sonnet-4-5",
    sendError,
    isStreamed: () => Boolean(request.body?.stream),
    whole: (model, reply) => ({ body: message(model, reply), headers: { "request-id": requestId() } }),
    streamed: (model, reply) => ({
      headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", "request-id": requestId() },
      chunks: streamedEvents(model, reply),
      // message_start and ping open every stream; a text block adds its content_block_start.
      openingEvents: splitText(reply.text).length > 0 ? 3 : 2,
    }),
  });
}

/** One page of GET /v1/models, as the Models API answers it (newest first, cursor fields for paging). */
function modelList(ids: string[]) {
  const data = ids.map((id) => ({ type: "model", id, display_name: id, created_at: "2026-01-01T00:00:00Z" }));
  return { data, has_more: false, first_id: ids[0] ?? null, last_id: ids.at(-1) ?? null };
}

export function startAnthropicServer(options: AnthropicServerOptions = {}): Promise<ScriptedServer> {
  return startScriptedServer({
    defaultResponse: options.defaultResponse ?? { text: "Hello from the local Anthropic test server." },
    route: async (request, response, next) => {
      const hasKey = request.headers["x-api-key"] === options.apiKey || request.headers.authorization === `Bearer ${options.apiKey}`;
      if (options.apiKey && !hasKey) {
        return sendError(response, { error: { status: 401, message: "invalid x-api-key" } });
      }
      if (request.path === "/v1/messages" && request.method === "POST") return handleMessages(request, response, next());
      if (request.path === "/v1/models" && request.method === "GET") return sendJson(response, 200, modelList(["claude-sonnet-5-5", "claude-haiku-4-5"]));
      sendError(response, { error: { status: 404, message: `Not found: ${request.method} ${request.path}` } });
    },
  });
}

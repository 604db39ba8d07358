// A local server speaking OpenAI's chat completions: SSE chunks (text deltas, tool-call deltas by index, the
// usage chunk when `stream_options.include_usage`, then `data: [DONE]`) or one JSON completion. Usage:
//   const server = await startOpenAIServer({ apiKey: "sk-test" });   // server.url -> OPENAI_BASE_URL (has /v1)
//   server.enqueue({ toolCalls: [{ name: "search", arguments: { query: "x" } }] });
import type { ServerResponse } from "node:http";
import {
  sendJson,
  sendReply,
  splitJson,
  splitText,
  argumentsText,
  startScriptedServer,
  type RecordedRequest,
  type ScriptedError,
  type ScriptedReply,
  type ScriptedResponse,
  type ScriptedServer,
} from "./scripted-server.ts";

export type OpenAIServerOptions = {
  /** When set, requests must carry `Authorization: Bearer <apiKey>` or get OpenAI's 401. */
  apiKey?: string;
  defaultResponse?: ScriptedResponse;
};

const errorTypes: Record<number, [string, string | null]> = {
  400: ["invalid_request_error", null],
  401: ["invalid_request_error", "invalid_api_key"],
  403: ["invalid_request_error", "unsupported_country_region_territory"],
  404: ["invalid_request_error", "model_not_found"],
  429: ["requests", "rate_limit_exceeded"],
};

function sendError(response: ServerResponse, { error }: ScriptedError) {
  const [type, code] = errorTypes[error.status] ?? ["server_error", null];
  const body = { error: { message: error.message ?? `scripted error ${error.status}`, type: error.type ?? type, param: null, code } };
  sendJson(response, error.status, body, { "x-request-id": `req_${Date.now()}`, ...error.headers });
}

const finishReasonOf = (reply: ScriptedReply) => reply.finishReason ?? (reply.toolCalls?.length ? "tool_calls" : "stop");

function usageOf(reply: ScriptedReply) {
  const prompt = reply.usage?.inputTokens ?? 10;
  const completion = reply.usage?.outputTokens ?? splitText(reply.text).length;
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

function callId(reply: ScriptedReply, index: number) {
  return reply.toolCalls?.[index]?.id ?? `call_${index}${Math.random().toString(36).slice(2, 12)}`;
}

function completion(model: string, reply: ScriptedReply) {
  const toolCalls = (reply.toolCalls ?? []).map((call, index) => ({
    id: callId(reply, index),
    type: "function",
    function: { name: call.name, arguments: argumentsText(call) },
  }));
  const message = { role: "assistant", content: toolCalls.length && !reply.text ? null : splitText(reply.text).join(""), refusal: null, ...(toolCalls.length ? { tool_calls: toolCalls } : {}) };
  return {
    id: `chatcmpl-${Date.now()}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: finishReasonOf(reply) }],
    usage: usageOf(reply),
    system_fingerprint: "fp_test",
  };
}

function streamedEvents(model: string, reply: ScriptedReply, includeUsage: boolean): string[] {
  const base = { id: `chatcmpl-${Date.now()}`, object: "chat.completion.chunk", created: Math.floor(Date.now() / 1000), model, system_fingerprint: "fp_test" };
  const usage = includeUsage ? { usage: null } : {};
  const event = (delta: object, finish: string | null = null) =>
    `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], ...usage })}\n\n`;
  const events = [event({ role: "assistant", content: "", refusal: null })];
  for (const text of splitText(reply.text)) events.push(event({ content: text }));
  (reply.toolCalls ?? []).forEach((call, index) => {
    events.push(event({ tool_calls: [{ index, id: callId(reply, index), type: "function", function: { name: call.name, arguments: "" } }] }));
    for (const piece of splitJson(argumentsText(call))) events.push(event({ tool_calls: [{ index, function: { arguments: piece } }] }));
  });
  events.push(event({}, finishReasonOf(reply)));
  if (includeUsage) events.push(`data: ${JSON.stringify({ ...base, choices: [], usage: usageOf(reply) })}\n\n`);
  events.push("data: [DONE]\n\n");
  return events;
}

// Reasoning models refuse sampling parameters, in these words (OpenAI's 400 for o-series and gpt-5 models).
const isReasoningModel = (model: unknown) => typeof model === "string" && /^(o\d+|gpt-5(\.\d+)?)($|-)/.test(model) && !/^gpt-5(\.\d+)?-chat/.test(model);

function refusedSampling(body: RecordedRequest["body"]): ScriptedError | undefined {
  if (!isReasoningModel(body?.model)) return undefined;
  for (const param of ["temperature", "top_p"]) {
    if (body?.[param] !== undefined && body[param] !== 1) {
      const message = `Unsupported value: '${param}' does not support ${body[param]} with this model. Only the default (1) value is supported.`;
      return { error: { status: 400, message } };
    }
  }
  return undefined;
}

async function handleCompletion(request: RecordedRequest, response: ServerResponse, script: ScriptedResponse) {
  const refusal = refusedSampling(request.body);
  if (refusal) return sendError(response, refusal);
  await sendReply(request, response, script, {
    defaultModel: "gpt-4o-mini",
    sendError,
    isStreamed: () => Boolean(request.body?.stream),
    whole: (model, reply) => ({ body: completion(model, reply) }),
    streamed: (model, reply) => ({
      headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache" },
      chunks: streamedEvents(model, reply, request.body?.stream_options?.include_usage === true),
      openingEvents: 1, // the opening chunk only carries the role
    }),
  });
}

export function startOpenAIServer(options: OpenAIServerOptions = {}): Promise<ScriptedServer> {
  return startScriptedServer({
    pathPrefix: "/v1",
    defaultResponse: options.defaultResponse ?? { text: "Hello from the local OpenAI test server." },
    route: async (request, response, next) => {
      if (options.apiKey && request.headers.authorization !== `Bearer ${options.apiKey}`) {
        return sendError(response, { error: { status: 401, message: "Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys." } });
      }
      if (request.path === "/v1/chat/completions" && request.method === "POST") return handleCompletion(request, response, next());
      if (request.path === "/v1/models") return sendJson(response, 200, { object: "list", data: [{ id: "gpt-4o-mini", object: "model", created: 0, owned_by: "openai" }] });
      sendError(response, { error: { status: 404, message: `Unknown request URL: ${request.method} ${request.path}` } });
    },
  });
}

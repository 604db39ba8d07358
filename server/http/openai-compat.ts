// POST /api/v1/chat/completions: any OpenAI client can call a flow as if it were a model named
// "flow:<id>". The last user message is the flow's input, the messages before it (system prompts and earlier
// turns) its history, which a memory node passes on; the answer is the flow's output.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { RunEvent } from "@/lib/engine/events";
import type { ChatHistory, ChatHistoryMessage } from "@/lib/flow/chat-history";
import { answerNodeIds } from "@/lib/flow/answer-nodes";
import { sseResponse, type SseFrame } from "./sse.ts";
import type { ApiContext } from "./api-route.ts";

const contentSchema = z.union([z.string(), z.array(z.object({ type: z.string(), text: z.string().optional() })), z.null()]);

export const chatCompletionRequestSchema = z.object({
  model: z.string().regex(/^flow:.+$/, 'model must be "flow:<flow id>"'),
  messages: z.array(z.object({ role: z.string(), content: contentSchema.optional() })).min(1, "messages must not be empty"),
  stream: z.boolean().optional(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).nullish(),
});

type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;

/** OpenAI's error shape, so OpenAI clients raise their usual errors. */
export function openAIErrorBody(error: AppError) {
  const type = error.code === "UNAUTHORIZED" ? "authentication_error" : error.code === "INTERNAL" ? "server_error" : "invalid_request_error";
  return { error: { message: error.userMessage, type, code: error.code.toLowerCase(), param: null, ...(error.details ?? {}) } };
}

type RequestMessage = ChatCompletionRequest["messages"][number];

const textOf = (content: RequestMessage["content"]): string =>
  typeof content === "string" ? content : (content ?? []).map((part) => part.text ?? "").join("");

/** OpenAI's roles in a flow's history: a developer message is a system prompt; tool traffic is left out. */
const historyRoles: Record<string, ChatHistoryMessage["role"]> = { system: "system", developer: "system", user: "user", assistant: "assistant" };

/**
 * The flow's input (the last user message) and its history (the messages before it, oldest first).
 * @throws AppError BAD_REQUEST when there is no user message.
 */
export function conversationOf(messages: RequestMessage[]): { input: string; history: ChatHistory } {
  const last = messages.findLastIndex((each) => each.role === "user");
  if (last < 0) throw new AppError("BAD_REQUEST", "messages: there is no user message to use as the flow's input");
  const history = messages
    .slice(0, last)
    .flatMap((message) => (historyRoles[message.role] ? [{ role: historyRoles[message.role]!, content: textOf(message.content) }] : []));
  return { input: textOf(messages[last]!.content), history };
}

const answerText = (output: unknown) => (typeof output === "string" ? output : JSON.stringify(output ?? ""));

function completionChunk(id: string, model: string, created: number, delta: object, finishReason: string | null = null) {
  return { id, object: "chat.completion.chunk", created, model, choices: [{ index: 0, delta, finish_reason: finishReason }] };
}

async function* streamAnswer(context: ApiContext, runId: string, request: ChatCompletionRequest, answerNodes: Set<string>): AsyncGenerator<SseFrame> {
  const id = `chatcmpl-${runId}`;
  const created = Math.floor(Date.now() / 1000);
  yield { data: completionChunk(id, request.model, created, { role: "assistant", content: "" }) };
  let streamed = "";
  let finishReason = "stop";
  let final: RunEvent | undefined;
  for await (const event of context.runs.events(context.caller, runId, 0, context.request.signal)) {
    if (event.type === "node.delta" && answerNodes.has(event.nodeId)) {
      streamed += event.text;
      yield { data: completionChunk(id, request.model, created, { content: event.text }) };
    }
    if (event.type === "node.completed" && answerNodes.has(event.nodeId) && event.finishReason === "length") finishReason = "length";
    if (event.type === "run.completed" || event.type === "run.failed" || event.type === "run.cancelled") final = event;
  }
  if (final?.type !== "run.completed") {
    const message = final?.type === "run.failed" ? final.message : "The flow run was cancelled.";
    const kind = final?.type === "run.failed" && final.errorKind ? { error_kind: final.errorKind, hint: final.hint } : {};
    yield { data: { error: { message, type: "server_error", code: final?.type === "run.failed" ? final.code : "cancelled", ...kind } } };
  } else {
    if (streamed === "") yield { data: completionChunk(id, request.model, created, { content: answerText(final.output) }) };
    // A cut-off answer says so, as OpenAI's own "length" does, instead of passing for a complete one.
    yield { data: completionChunk(id, request.model, created, {}, finishReason) };
    if (request.stream_options?.include_usage) yield { data: { ...completionChunk(id, request.model, created, {}), choices: [], usage: usageOf(final.usage) } };
  }
  yield { data: "[DONE]" };
}

const usageOf = (usage: { inputTokens: number; outputTokens: number }) => ({
  prompt_tokens: usage.inputTokens,
  completion_tokens: usage.outputTokens,
  total_tokens: usage.inputTokens + usage.outputTokens,
});

export async function chatCompletion(context: ApiContext): Promise<Response> {
  const request = chatCompletionRequestSchema.parse(await context.request.json());
  const flowId = request.model.slice("flow:".length);
  const { input, history } = conversationOf(request.messages);
  const flow = await context.services.flows.get(context.caller, flowId);
  const { runId } = await context.runs.start(context.caller, { flowId, input, history, source: "openai" });
  if (request.stream) return sseResponse(streamAnswer(context, runId, request, answerNodeIds(flow.graph)), context.request.signal);

  const run = await context.runs.waitFor(context.caller, runId, context.request.signal);
  if (run.status !== "succeeded") {
    const kind = run.error?.errorKind ? { error_kind: run.error.errorKind, hint: run.error.hint } : {};
    // The run happened and is stored: a client must not send the request again to get the same failure.
    throw new AppError("INTERNAL", `flow run ${run.status}`, { userMessage: run.error?.message ?? `The flow run ${run.status}.`, details: { runId, doNotRetry: true, ...kind } });
  }
  const answers = [...answerNodeIds(flow.graph)];
  const finishReason = answers.some((nodeId) => run.nodes[nodeId]?.finishReason === "length") ? "length" : "stop";
  return Response.json({
    id: `chatcmpl-${runId}`,
    object: "chat.completion",
    created: Math.floor(run.createdAt.getTime() / 1000),
    model: request.model,
    choices: [{ index: 0, message: { role: "assistant", content: answerText(run.output), refusal: null }, finish_reason: finishReason, logprobs: null }],
    usage: usageOf(run.usage),
  });
}

/** Flows listed per page of GET /api/v1/models at most: OpenAI's list has no paging, so a bound keeps it small. */
const MODEL_LIST_LIMIT = 500;

/**
 * GET /api/v1/models: the flows the key's user can run, as OpenAI models named `flow:<id>`, so clients that
 * list models before calling one (most chat front ends) find them. Shape: OpenAI's model list
 * (https://platform.openai.com/docs/api-reference/models/list).
 */
export async function listModels(context: ApiContext): Promise<Response> {
  const flows = await context.services.flows.list(context.caller, { limit: MODEL_LIST_LIMIT });
  return Response.json({
    object: "list",
    data: flows.map((flow) => ({ id: `flow:${flow.id}`, object: "model", created: Math.floor(flow.createdAt.getTime() / 1000), owned_by: flow.owner.name, name: flow.name })),
  });
}


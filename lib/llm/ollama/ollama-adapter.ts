// Ollama over its official SDK: NDJSON streaming, tool calls that arrive whole, `format: "json"` for jsonMode.
import type { ChatRequest, ChatResponse } from "ollama";
import type { AdapterRequest, ProviderAdapter, ProviderCompletion, ProviderEvent, ProviderStream } from "../adapter.ts";
import { generateToolCallId, toolArgumentsOf } from "../core/stream-assembler.ts";
import type { LLMConfig } from "../types.ts";
import { toOllamaMessages, toOllamaTools } from "./convert-messages.ts";
import { mapOllamaFinishReason } from "./map-finish-reason.ts";
import { createOllamaCall, defaultOllamaUrl, type OllamaCall } from "./ollama-client.ts";
import { toOllamaFailure } from "./ollama-failure.ts";

function toChatRequest({ config, messages, tools }: AdapterRequest): ChatRequest {
  return {
    model: config.model,
    messages: toOllamaMessages(messages),
    tools: toOllamaTools(tools),
    format: config.jsonMode ? "json" : undefined,
    // An unset temperature is left out, so the model's Modelfile default applies.
    options: { ...(config.temperature === undefined ? {} : { temperature: config.temperature }), num_predict: config.maxTokens },
  };
}

function usageOf(response: ChatResponse) {
  return { inputTokens: response.prompt_eval_count ?? 0, outputTokens: response.eval_count ?? 0 };
}

type OllamaToolCall = NonNullable<ChatResponse["message"]["tool_calls"]>[number] & { id?: string };

async function complete(request: AdapterRequest): Promise<ProviderCompletion> {
  const call = createOllamaCall(request.config, request.signal);
  try {
    const response = await call.client.chat({ ...toChatRequest(request), stream: false });
    const toolCalls = (response.message.tool_calls ?? []).map((toolCall: OllamaToolCall) => ({
      id: toolCall.id ?? generateToolCallId(),
      name: toolCall.function.name,
      ...toolArgumentsOf(toolCall.function.arguments, toolCall.function.name),
    }));
    const reasoning = response.message.thinking;
    return {
      content: response.message.content ?? "",
      ...(reasoning ? { reasoning } : {}),
      toolCalls,
      finishReason: mapOllamaFinishReason(response.done_reason),
      usage: usageOf(response),
      model: response.model || request.config.model,
    };
  } catch (error) {
    throw toOllamaFailure(error, call.lastErrorHeaders());
  }
}

function streamOf(parts: AsyncIterable<ChatResponse>, call: OllamaCall): ProviderStream<ChatResponse> {
  let toolIndex = 0;
  let finish: ProviderEvent | undefined;
  const translate = (part: ChatResponse): ProviderEvent | ProviderEvent[] | undefined => {
    const text = part.message?.content;
    // Thinking models stream their reasoning in `thinking`, beside an empty `content`.
    const thinking = part.message?.thinking;
    const toolCalls = part.message?.tool_calls as OllamaToolCall[] | undefined;
    if (part.done) finish = { type: "finish", finishReason: mapOllamaFinishReason(part.done_reason), usage: usageOf(part), model: part.model };
    if (!toolCalls?.length && !thinking) return text ? { type: "text", delta: text } : undefined;
    const events: ProviderEvent[] = thinking ? [{ type: "reasoning", delta: thinking }] : [];
    if (text) events.push({ type: "text", delta: text });
    for (const toolCall of toolCalls ?? []) {
      const argumentsDelta = JSON.stringify(toolCall.function.arguments ?? {});
      events.push({ type: "tool_call", index: toolIndex++, id: toolCall.id, name: toolCall.function.name, argumentsDelta });
    }
    return events;
  };
  return { source: parts, translate, end: () => finish, toFailure: (error) => toOllamaFailure(error, call.lastErrorHeaders()) };
}

async function stream(request: AdapterRequest): Promise<ProviderStream<ChatResponse>> {
  const call = createOllamaCall(request.config, request.signal);
  try {
    const parts = await call.client.chat({ ...toChatRequest(request), stream: true });
    return streamOf(parts, call);
  } catch (error) {
    throw toOllamaFailure(error, call.lastErrorHeaders());
  }
}

export function describeOllama(config: Pick<LLMConfig, "baseUrl" | "model">) {
  const baseUrl = config.baseUrl ?? defaultOllamaUrl;
  return {
    label: "Ollama",
    baseUrl,
    model: config.model,
    missingModelHint: `Pull it with \`ollama pull ${config.model}\`, or pick a model \`ollama list\` shows.`,
    unreachableHint: `Ollama is not reachable at ${baseUrl}: start it with \`ollama serve\` and \`ollama pull ${config.model}\`, or choose another provider`,
  };
}

export const ollamaAdapter: ProviderAdapter = { name: "ollama", describe: describeOllama, complete, stream };

// OpenAI chat completions over the official SDK: SSE deltas, tool-call deltas by index, usage in a last chunk.
// One adapter for OpenAI itself and for servers that speak its API; what differs is `OpenAIChatOptions`.
import type OpenAI from "openai";
import type { ChatCompletionChunk, ChatCompletionCreateParamsBase } from "openai/resources/chat/completions";
import type { AdapterRequest, ProviderAdapter, ProviderCompletion, ProviderEvent, ProviderStream } from "../adapter.ts";
import { LLMError } from "../errors.ts";
import { parseToolArguments } from "../core/stream-assembler.ts";
import type { FinishReason, LLMConfig, TokenUsage } from "../types.ts";
import { toOpenAIMessages, toOpenAITools } from "./convert-messages.ts";
import { mapOpenAIFinishReason } from "./map-finish-reason.ts";
import { openAIModelFamily, type OpenAIModelFamily } from "./model-families.ts";
import { defaultOpenAIUrl, getOpenAIClient } from "./openai-client.ts";
import { toOpenAIFailure } from "./openai-failure.ts";

/** What differs between OpenAI itself and a server that speaks its API (see openai-compatible/). */
export type OpenAIChatOptions = {
  /** The provider name errors carry. */
  name: string;
  /** How messages name it: "OpenAI", "The OpenAI-compatible server". */
  label: string;
  apiKeyVariable: string;
  baseUrlVariable: string;
  /** The SDK's default base URL; null when the provider has none and a Base URL is required. */
  defaultBaseUrl: string | null;
  /** OpenAI itself needs a key; a compatible server usually takes none. */
  isKeyRequired: boolean;
  /** Which request parameters a model accepts (OpenAI's reasoning families differ from its chat models). */
  familyOf(model: string): OpenAIModelFamily;
  /** OpenAI's `max_completion_tokens` (its reasoning models refuse the other), or `max_tokens`, which every compatible server reads. */
  maxTokensField: "max_completion_tokens" | "max_tokens";
};

function clientFor(config: LLMConfig, options: OpenAIChatOptions): OpenAI {
  if (!config.baseUrl && !options.defaultBaseUrl) {
    throw new LLMError({
      kind: "bad_request",
      provider: options.name,
      message: `${options.label} has no Base URL: set ${options.baseUrlVariable} on the server, or the Base URL on the model node (e.g. http://127.0.0.1:1234/v1).`,
    });
  }
  if (options.isKeyRequired && !config.apiKey) {
    throw new LLMError({
      kind: "auth",
      provider: options.name,
      // The server's key only goes to the server's endpoint, so a Base URL of the node's own needs its own key.
      message: config.isServerEndpoint
        ? `${options.label} needs an API key: set ${options.apiKeyVariable} (or the apiKey setting), or choose another provider.`
        : `${options.label} at ${config.baseUrl} needs a key of its own: store one with this Base URL under Settings → Credentials and pick it on the node (${options.apiKeyVariable} is only sent to the server's own endpoint).`,
    });
  }
  return getOpenAIClient(config);
}

/** Only what the model's family accepts, and only settings that were set: an unset one keeps the server's default. */
function toParams({ config, messages, tools }: AdapterRequest, options: OpenAIChatOptions): ChatCompletionCreateParamsBase {
  const family = options.familyOf(config.model);
  const params: ChatCompletionCreateParamsBase = {
    model: config.model,
    messages: toOpenAIMessages(messages, config.jsonMode, family.systemRole),
    tools: toOpenAITools(tools),
    [options.maxTokensField]: config.maxTokens,
    response_format: config.jsonMode ? { type: "json_object" } : undefined,
  };
  if (family.acceptsSampling && config.temperature !== undefined) params.temperature = config.temperature;
  if (family.acceptsReasoningEffort && config.reasoningEffort !== undefined) params.reasoning_effort = config.reasoningEffort;
  return params;
}

const usageOf = (usage: OpenAI.CompletionUsage | null | undefined): TokenUsage => ({
  inputTokens: usage?.prompt_tokens ?? 0,
  outputTokens: usage?.completion_tokens ?? 0,
});

async function complete(request: AdapterRequest, options: OpenAIChatOptions): Promise<ProviderCompletion> {
  const client = clientFor(request.config, options);
  try {
    const completion = await client.chat.completions.create({ ...toParams(request, options), stream: false }, { signal: request.signal });
    const choice = completion.choices[0];
    const toolCalls = (choice?.message.tool_calls ?? []).flatMap((call) =>
      call.type === "function"
        ? [{ id: call.id, name: call.function.name, ...parseToolArguments(call.function.arguments, call.function.name) }]
        : [],
    );
    const reasoning = reasoningOf(choice?.message);
    return {
      content: choice?.message.content ?? "",
      ...(reasoning ? { reasoning } : {}),
      toolCalls,
      finishReason: mapOpenAIFinishReason(choice?.finish_reason),
      usage: usageOf(completion.usage),
      model: completion.model || request.config.model,
    };
  } catch (error) {
    throw error instanceof LLMError ? error : toOpenAIFailure(error);
  }
}

/**
 * OpenAI itself returns no reasoning text on chat completions, but OpenAI-compatible servers (vLLM, DeepSeek,
 * OpenRouter, llama.cpp) put it beside `content` as `reasoning_content` or `reasoning`; it is kept, not dropped.
 */
function reasoningOf(message: object | undefined): string | undefined {
  const fields = message as { reasoning_content?: unknown; reasoning?: unknown } | undefined;
  const value = fields?.reasoning_content ?? fields?.reasoning;
  return typeof value === "string" && value ? value : undefined;
}

function toolCallEvents(calls: NonNullable<ChatCompletionChunk.Choice["delta"]["tool_calls"]>): ProviderEvent[] {
  return calls.map((call) => ({ type: "tool_call", index: call.index, id: call.id, name: call.function?.name, argumentsDelta: call.function?.arguments ?? "" }));
}

/** The finish reason and the usage come in separate chunks, so the finish event waits for the stream's end. */
function streamOf(chunks: AsyncIterable<ChatCompletionChunk>): ProviderStream<ChatCompletionChunk> {
  let finishReason: FinishReason | undefined;
  let usage: TokenUsage | undefined;
  let model: string | undefined;
  const translate = (chunk: ChatCompletionChunk): ProviderEvent | ProviderEvent[] | undefined => {
    model ??= chunk.model;
    if (chunk.usage) usage = usageOf(chunk.usage);
    const choice = chunk.choices[0];
    if (choice?.finish_reason) finishReason = mapOpenAIFinishReason(choice.finish_reason);
    const delta = choice?.delta;
    const reasoning = reasoningOf(delta);
    if (delta?.tool_calls?.length || reasoning) {
      return [
        ...(reasoning ? [{ type: "reasoning", delta: reasoning } as const] : []),
        ...(delta?.content ? [{ type: "text", delta: delta.content } as const] : []),
        ...toolCallEvents(delta?.tool_calls ?? []),
      ];
    }
    return delta?.content ? { type: "text", delta: delta.content } : undefined;
  };
  const end = (): ProviderEvent | undefined => (finishReason ? { type: "finish", finishReason, usage, model } : undefined);
  return { source: chunks, translate, end, toFailure: toOpenAIFailure };
}

async function stream(request: AdapterRequest, options: OpenAIChatOptions): Promise<ProviderStream<ChatCompletionChunk>> {
  const client = clientFor(request.config, options);
  const params = { ...toParams(request, options), stream: true as const, stream_options: { include_usage: true } };
  try {
    return streamOf(await client.chat.completions.create(params, { signal: request.signal }));
  } catch (error) {
    throw toOpenAIFailure(error);
  }
}

function describe(config: Pick<LLMConfig, "baseUrl" | "model">, options: OpenAIChatOptions) {
  const baseUrl = config.baseUrl ?? options.defaultBaseUrl ?? "(no Base URL)";
  return {
    label: options.label,
    baseUrl,
    model: config.model,
    apiKeyVariable: options.apiKeyVariable,
    unreachableHint: `${options.label} is not reachable at ${baseUrl}: check the network and ${options.baseUrlVariable}, or choose another provider`,
  };
}

/** A chat-completions adapter for OpenAI or a server that speaks its API. */
export function createOpenAIChatAdapter(options: OpenAIChatOptions): ProviderAdapter {
  return {
    name: options.name,
    describe: (config) => describe(config, options),
    complete: (request) => complete(request, options),
    stream: (request) => stream(request, options),
  };
}

export const openaiAdapter = createOpenAIChatAdapter({
  name: "openai",
  label: "OpenAI",
  apiKeyVariable: "OPENAI_API_KEY",
  baseUrlVariable: "OPENAI_BASE_URL",
  defaultBaseUrl: defaultOpenAIUrl,
  isKeyRequired: true,
  familyOf: openAIModelFamily,
  maxTokensField: "max_completion_tokens",
});

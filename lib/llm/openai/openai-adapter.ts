// OpenAI chat completions over the official SDK: SSE deltas, tool-call deltas by index, usage in a last chunk.
import type OpenAI from "openai";
import type { ChatCompletionChunk, ChatCompletionCreateParamsBase } from "openai/resources/chat/completions";
import type { AdapterRequest, ProviderAdapter, ProviderCompletion, ProviderEvent, ProviderStream } from "../adapter.ts";
import { LLMError } from "../errors.ts";
import { parseToolArguments } from "../core/stream-assembler.ts";
import type { FinishReason, LLMConfig, TokenUsage } from "../types.ts";
import { toOpenAIMessages, toOpenAITools } from "./convert-messages.ts";
import { mapOpenAIFinishReason } from "./map-finish-reason.ts";
import { openAIModelFamily } from "./model-families.ts";
import { defaultOpenAIUrl, getOpenAIClient } from "./openai-client.ts";
import { toOpenAIFailure } from "./openai-failure.ts";

function clientFor(config: LLMConfig): OpenAI {
  if (!config.apiKey) {
    throw new LLMError({
      kind: "auth",
      provider: "openai",
      // The server's key only goes to the server's endpoint, so a Base URL of the node's own needs its own key.
      message: config.isServerEndpoint
        ? "OpenAI needs an API key: set OPENAI_API_KEY (or the apiKey setting), or choose another provider."
        : `OpenAI at ${config.baseUrl} needs a key of its own: store one with this Base URL under Settings → Credentials and pick it on the node (OPENAI_API_KEY is only sent to the server's own endpoint).`,
    });
  }
  return getOpenAIClient(config);
}

/** Only what the model's family accepts, and only settings that were set: an unset one keeps OpenAI's default. */
function toParams({ config, messages, tools }: AdapterRequest): ChatCompletionCreateParamsBase {
  const family = openAIModelFamily(config.model);
  const params: ChatCompletionCreateParamsBase = {
    model: config.model,
    messages: toOpenAIMessages(messages, config.jsonMode, family.systemRole),
    tools: toOpenAITools(tools),
    max_completion_tokens: config.maxTokens,
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

async function complete(request: AdapterRequest): Promise<ProviderCompletion> {
  const client = clientFor(request.config);
  try {
    const completion = await client.chat.completions.create({ ...toParams(request), stream: false }, { signal: request.signal });
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

async function stream(request: AdapterRequest): Promise<ProviderStream<ChatCompletionChunk>> {
  const client = clientFor(request.config);
  const params = { ...toParams(request), stream: true as const, stream_options: { include_usage: true } };
  try {
    return streamOf(await client.chat.completions.create(params, { signal: request.signal }));
  } catch (error) {
    throw toOpenAIFailure(error);
  }
}

export function describeOpenAI(config: Pick<LLMConfig, "baseUrl" | "model">) {
  const baseUrl = config.baseUrl ?? defaultOpenAIUrl;
  return {
    label: "OpenAI",
    baseUrl,
    model: config.model,
    apiKeyVariable: "OPENAI_API_KEY",
    unreachableHint: `OpenAI is not reachable at ${baseUrl}: check the network and OPENAI_BASE_URL, or choose another provider`,
  };
}

export const openaiAdapter: ProviderAdapter = { name: "openai", describe: describeOpenAI, complete, stream };

// Anthropic Messages over the official SDK.
import type Anthropic from "@anthropic-ai/sdk";
import type { MessageCreateParamsBase } from "@anthropic-ai/sdk/resources/messages";
import type { AdapterRequest, ProviderAdapter, ProviderCompletion, ProviderStream } from "../adapter.ts";
import { withJsonInstruction } from "../core/json-mode.ts";
import { toolArgumentsOf } from "../core/stream-assembler.ts";
import { LLMError } from "../errors.ts";
import type { LLMConfig } from "../types.ts";
import { defaultAnthropicUrl, getAnthropicClient } from "./anthropic-client.ts";
import { toAnthropicFailure } from "./anthropic-failure.ts";
import { toAnthropicStream } from "./anthropic-stream.ts";
import { toAnthropicMessages, toAnthropicTools } from "./convert-messages.ts";
import { jsonPrefill, shouldPrefill } from "./json-prefill.ts";
import { mapAnthropicFinishReason } from "./map-finish-reason.ts";

function clientFor(config: LLMConfig): Anthropic {
  if (!config.apiKey) {
    throw new LLMError({
      kind: "auth",
      provider: "anthropic",
      // The server's key only goes to the server's endpoint, so a Base URL of the node's own needs its own key.
      message: config.isServerEndpoint
        ? "Anthropic needs an API key: set ANTHROPIC_API_KEY (or the apiKey setting), or choose another provider."
        : `Anthropic at ${config.baseUrl} needs a key of its own: store one with this Base URL under Settings → Credentials and pick it on the node (ANTHROPIC_API_KEY is only sent to the server's own endpoint).`,
    });
  }
  return getAnthropicClient({ ...config, apiKey: config.apiKey });
}

/** The params, and the prefill text the answer continues from (it is part of the answer, so it is re-added). */
function toParams({ config, messages, tools }: AdapterRequest): { params: MessageCreateParamsBase; prefix: string } {
  const converted = toAnthropicMessages(config.jsonMode ? withJsonInstruction(messages) : messages);
  const prefix = config.jsonMode && shouldPrefill(config.model, converted.messages, tools.length > 0) ? jsonPrefill : "";
  const params: MessageCreateParamsBase = {
    model: config.model,
    max_tokens: config.maxTokens,
    // No temperature: the Messages API as SDK 1.14 describes it has dropped the parameter.
    system: converted.system,
    messages: prefix ? [...converted.messages, { role: "assistant", content: prefix }] : converted.messages,
    tools: toAnthropicTools(tools),
  };
  return { params, prefix };
}

function toCompletion(message: Anthropic.Message, prefix: string): ProviderCompletion {
  let content = prefix;
  let reasoning = "";
  const toolCalls: ProviderCompletion["toolCalls"] = [];
  for (const block of message.content) {
    if (block.type === "text") content += block.text;
    if (block.type === "thinking") reasoning += block.thinking;
    if (block.type === "tool_use") toolCalls.push({ id: block.id, name: block.name, ...toolArgumentsOf(block.input, block.name) });
  }
  const usage = { inputTokens: message.usage.input_tokens ?? 0, outputTokens: message.usage.output_tokens ?? 0 };
  const finishReason = mapAnthropicFinishReason(message.stop_reason);
  return { content, toolCalls, finishReason, usage, model: message.model, ...(reasoning ? { reasoning } : {}) };
}

async function complete(request: AdapterRequest): Promise<ProviderCompletion> {
  const client = clientFor(request.config);
  const { params, prefix } = toParams(request);
  try {
    return toCompletion(await client.messages.create({ ...params, stream: false }, { signal: request.signal }), prefix);
  } catch (error) {
    throw toAnthropicFailure(error);
  }
}

async function stream(request: AdapterRequest): Promise<ProviderStream> {
  const client = clientFor(request.config);
  const { params, prefix } = toParams(request);
  try {
    return toAnthropicStream(await client.messages.create({ ...params, stream: true }, { signal: request.signal }), prefix);
  } catch (error) {
    throw toAnthropicFailure(error);
  }
}

export function describeAnthropic(config: Pick<LLMConfig, "baseUrl" | "model">) {
  const baseUrl = config.baseUrl ?? defaultAnthropicUrl;
  return {
    label: "Anthropic",
    baseUrl,
    model: config.model,
    apiKeyVariable: "ANTHROPIC_API_KEY",
    unreachableHint: `Anthropic is not reachable at ${baseUrl}: check the network and ANTHROPIC_BASE_URL, or choose another provider`,
  };
}

export const anthropicAdapter: ProviderAdapter = { name: "anthropic", describe: describeAnthropic, complete, stream };

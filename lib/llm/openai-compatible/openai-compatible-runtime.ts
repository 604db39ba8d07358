// The SDK side of the OpenAI-compatible provider: OpenAI's chat-completions adapter with what such servers
// share instead of OpenAI's own rules: a Base URL that is always required, an optional key, plain chat models
// only (no reasoning families, so `system` role and temperature as set), and `max_tokens`, which LM Studio,
// vLLM and llama.cpp's server all read.
import { LLMError } from "../errors.ts";
import { chatFamily } from "../openai/model-families.ts";
import { createOpenAIChatAdapter } from "../openai/openai-adapter.ts";
import { listOpenAIModels } from "../openai/openai-client.ts";
import type { ProviderRuntime } from "../providers/runtime.ts";
import type { LLMConfig } from "../types.ts";
import { openaiCompatibleProvider } from "./provider.ts";

const { name, endpoint } = openaiCompatibleProvider;

const adapter = createOpenAIChatAdapter({
  name,
  label: "The OpenAI-compatible server",
  apiKeyVariable: endpoint.apiKeyVariable,
  baseUrlVariable: endpoint.baseUrlVariable,
  defaultBaseUrl: null,
  isKeyRequired: false,
  familyOf: () => chatFamily,
  maxTokensField: "max_tokens",
});

function listModels(config: LLMConfig, signal: AbortSignal): Promise<string[]> {
  if (!config.baseUrl) {
    const message = `The OpenAI-compatible provider has no Base URL: set ${endpoint.baseUrlVariable} or pass one.`;
    return Promise.reject(new LLMError({ kind: "bad_request", provider: name, message }));
  }
  return listOpenAIModels(config, signal);
}

export const openaiCompatibleRuntime: ProviderRuntime = {
  adapter,
  // Local servers take no key, so a configured one is probed: available when it lists its models in time.
  async isAvailable(config, { timeoutMs }) {
    if (!config.baseUrl) return false;
    return listModels(config, AbortSignal.timeout(timeoutMs)).then(
      () => true,
      () => false,
    );
  },
  listModels,
};

// Anthropic's SDK side (see ProviderRuntime); its data is provider.ts.
import { LLMError } from "../errors.ts";
import type { ProviderRuntime } from "../providers/runtime.ts";
import { anthropicAdapter } from "./anthropic-adapter.ts";
import { getAnthropicClient } from "./anthropic-client.ts";
import { toAnthropicFailure } from "./anthropic-failure.ts";

export const anthropicRuntime: ProviderRuntime = {
  adapter: anthropicAdapter,
  // A key is all we can check without spending a request; a wrong key surfaces as an "auth" error.
  isAvailable: async (config) => Boolean(config.apiKey),
  async listModels(config, signal) {
    const { apiKey } = config;
    if (!apiKey) throw new LLMError({ kind: "auth", provider: "anthropic", message: "Anthropic needs an API key to list its models: set ANTHROPIC_API_KEY or pick a credential." });
    try {
      const ids: string[] = [];
      for await (const model of getAnthropicClient({ ...config, apiKey }).models.list({}, { signal })) ids.push(model.id);
      return ids;
    } catch (error) {
      throw toAnthropicFailure(error);
    }
  },
};

// OpenAI's SDK side (see ProviderRuntime); its data is provider.ts.
import type { ProviderRuntime } from "../providers/runtime.ts";
import { openaiAdapter } from "./openai-adapter.ts";
import { listOpenAIModels } from "./openai-client.ts";

export const openaiRuntime: ProviderRuntime = {
  adapter: openaiAdapter,
  // A key is all we can check without spending a request; a wrong key surfaces as an "auth" error.
  isAvailable: async (config) => Boolean(config.apiKey),
  listModels: listOpenAIModels,
};

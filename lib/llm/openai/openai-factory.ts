import { createProvider } from "../core/create-provider.ts";
import type { ProviderFactory } from "../router/provider-factory.ts";
import { defaultModels } from "../types.ts";
import { openaiAdapter } from "./openai-adapter.ts";

export const openaiFactory: ProviderFactory = {
  defaultModel: defaultModels.openai,
  fromEnvironment: (env) => ({ baseUrl: env.OPENAI_BASE_URL, apiKey: env.OPENAI_API_KEY }),
  create: (config) => createProvider(openaiAdapter, config),
  // A key is all we can check without spending a request; a wrong key surfaces as an "auth" error.
  isAvailable: async (config) => Boolean(config.apiKey),
  setupHint: "OpenAI: set OPENAI_API_KEY (and OPENAI_BASE_URL for an OpenAI-compatible server)",
};

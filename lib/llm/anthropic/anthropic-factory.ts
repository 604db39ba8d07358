import { createProvider } from "../core/create-provider.ts";
import type { ProviderFactory } from "../router/provider-factory.ts";
import { defaultModels } from "../types.ts";
import { anthropicAdapter } from "./anthropic-adapter.ts";

export const anthropicFactory: ProviderFactory = {
  defaultModel: defaultModels.anthropic,
  fromEnvironment: (env) => ({ baseUrl: env.ANTHROPIC_BASE_URL, apiKey: env.ANTHROPIC_API_KEY }),
  create: (config) => createProvider(anthropicAdapter, config),
  // A key is all we can check without spending a request; a wrong key surfaces as an "auth" error.
  isAvailable: async (config) => Boolean(config.apiKey),
  setupHint: "Anthropic: set ANTHROPIC_API_KEY (and ANTHROPIC_BASE_URL for a proxy)",
};

import { createProvider } from "../core/create-provider.ts";
import type { ProviderFactory } from "../router/provider-factory.ts";
import { defaultModels } from "../types.ts";
import { ollamaAdapter } from "./ollama-adapter.ts";
import { isOllamaReachable, normalizeOllamaHost } from "./ollama-client.ts";

export const ollamaFactory: ProviderFactory = {
  defaultModel: defaultModels.ollama,
  fromEnvironment: (env) => ({ baseUrl: normalizeOllamaHost(env.OLLAMA_HOST) }),
  create: (config) => createProvider(ollamaAdapter, config),
  isAvailable: (config, { timeoutMs }) => isOllamaReachable(config, timeoutMs),
  setupHint: `Ollama (local, no key): install it from https://ollama.com, run \`ollama serve\` and \`ollama pull ${defaultModels.ollama}\` (set OLLAMA_HOST if it is not on 127.0.0.1:11434)`,
};

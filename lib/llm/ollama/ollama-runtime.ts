// Ollama's SDK side (see ProviderRuntime); its data is provider.ts.
import type { ProviderRuntime } from "../providers/runtime.ts";
import { ollamaAdapter } from "./ollama-adapter.ts";
import { createOllamaCall, isOllamaReachable } from "./ollama-client.ts";
import { toOllamaFailure } from "./ollama-failure.ts";

export const ollamaRuntime: ProviderRuntime = {
  adapter: ollamaAdapter,
  isAvailable: (config, { timeoutMs }) => isOllamaReachable(config, timeoutMs),
  async listModels(config, signal) {
    const call = createOllamaCall(config, signal);
    try {
      const { models } = await call.client.list();
      return models.map((model) => model.name);
    } catch (error) {
      throw toOllamaFailure(error, call.lastErrorHeaders());
    }
  },
};

// A registered provider (descriptor + runtime) as the router takes it: the environment variables the
// descriptor names, the runtime's adapter wrapped by the shared provider, its probe and its model listing.
import { createProvider } from "../core/create-provider.ts";
import { toLLMError } from "../core/to-llm-error.ts";
import { LLMError } from "../errors.ts";
import type { ProviderDescriptor } from "../providers/descriptor.ts";
import type { ProviderRuntime } from "../providers/runtime.ts";
import type { LLMConfig } from "../types.ts";
import type { ProviderFactory } from "./provider-factory.ts";

export function toProviderFactory(descriptor: ProviderDescriptor, runtime: ProviderRuntime): ProviderFactory {
  const { endpoint } = descriptor;
  return {
    defaultModel: descriptor.defaultModel,
    fromEnvironment: (env) => {
      const baseUrl = env[endpoint.baseUrlVariable];
      return {
        baseUrl: endpoint.normalizeBaseUrl ? endpoint.normalizeBaseUrl(baseUrl) : baseUrl,
        apiKey: endpoint.apiKeyVariable ? env[endpoint.apiKeyVariable] : undefined,
        model: endpoint.modelVariable ? env[endpoint.modelVariable] : undefined,
      };
    },
    create: (config) => createProvider(runtime.adapter, config),
    isAvailable: runtime.isAvailable,
    listModels: (config, signal) => runtime.listModels(config, signal).catch((error: unknown) => Promise.reject(asLLMError(error, descriptor.name, runtime, config))),
    setupHint: descriptor.setupHint,
  };
}

/** A listing's failure in the words a failed call would use; a Base URL the server did not configure gets no response body. */
function asLLMError(error: unknown, provider: string, runtime: ProviderRuntime, config: LLMConfig): LLMError {
  if (error instanceof LLMError) return error;
  return toLLMError(error, { provider, description: runtime.adapter.describe(config), apiKey: config.apiKey, hideResponseBody: !config.isServerEndpoint });
}

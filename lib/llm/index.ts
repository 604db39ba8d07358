// The public entry of the LLM layer: import from "@/lib/llm", never from an adapter's folder.
export { getLLMProvider, defaultRouter } from "./router/get-llm-provider.ts";
export { ProviderRouter, type ProviderRouterOptions, type ProviderStatus } from "./router/provider-router.ts";
export { summarizeProviderStatuses, type ProviderStatusSummary } from "./router/provider-status.ts";
export type { ProviderFactory } from "./router/provider-factory.ts";
export { LLMError, isLLMError, llmErrorKinds, type LLMErrorKind } from "./errors.ts";
export { llmConfigSchema, defaultModels, providerNames } from "./types.ts";
export { providerDescriptors, providerDescriptor, isProviderName, keyedProviders, type ProviderDescriptor } from "./providers/index.ts";
export type {
  CallOptions,
  ChatMessage,
  FinishReason,
  LLMConfig,
  LLMConfigInput,
  LLMProvider,
  LLMResponse,
  ProviderName,
  StreamChunk,
  TokenUsage,
  ToolCall,
  ToolDefinition,
  ToolParameters,
} from "./types.ts";
// For adding a provider in one file (see ProviderRouter.register): the shared behaviour around an adapter.
export { createProvider } from "./core/create-provider.ts";
export type { AdapterRequest, ProviderAdapter, ProviderCompletion, ProviderEvent } from "./adapter.ts";
export { ProviderFailure } from "./core/provider-failure.ts";
export { normalizeToolParameters } from "./core/tool-schema.ts";

// Each provider's SDK side, by name. Apart from the registry (index.ts) because the registry is read in the
// browser and these import vendor SDKs; the type asks for a runtime for every registered provider.
import { anthropicRuntime } from "../anthropic/anthropic-runtime.ts";
import { ollamaRuntime } from "../ollama/ollama-runtime.ts";
import { openaiCompatibleRuntime } from "../openai-compatible/openai-compatible-runtime.ts";
import { openaiRuntime } from "../openai/openai-runtime.ts";
import type { ProviderName } from "./index.ts";
import type { ProviderRuntime } from "./runtime.ts";

export const providerRuntimes: Readonly<Record<ProviderName, ProviderRuntime>> = {
  ollama: ollamaRuntime,
  openai: openaiRuntime,
  anthropic: anthropicRuntime,
  "openai-compatible": openaiCompatibleRuntime,
};

// The SDK side of a provider: what its descriptor (plain data) cannot carry. Server-side only.
import type { ProviderAdapter } from "../adapter.ts";
import type { LLMConfig } from "../types.ts";

export type ProviderRuntime = {
  /** Converts requests and answers for the shared provider (create-provider.ts adds retries, limits, timeouts). */
  adapter: ProviderAdapter;
  /** Whether a call could succeed now: reachable for a local server, a key configured for a cloud one. */
  isAvailable(config: LLMConfig, options: { timeoutMs: number }): Promise<boolean>;
  /**
   * The model ids the endpoint offers, through the SDK's own listing (Ollama's `list()`, `models.list()` for
   * OpenAI, Anthropic and compatible servers). Throws what the SDK threw, as a ProviderFailure where it can.
   */
  listModels(config: LLMConfig, signal: AbortSignal): Promise<string[]>;
};

import type { LLMConfigInput, LLMProvider, ProviderName } from "../types.ts";
import { ProviderRouter } from "./provider-router.ts";

/** The router behind `getLLMProvider`; providers registered here are offered to the whole app. */
export const defaultRouter = new ProviderRouter();

/**
 * A provider by name, or (without one) the first available in priority order: Ollama, OpenAI, Anthropic.
 * Reads the environment and probes on every call, so a provider that comes up or goes down is noticed.
 */
export function getLLMProvider(name?: ProviderName, overrides?: Partial<LLMConfigInput>): Promise<LLMProvider> {
  return defaultRouter.getProvider(name, overrides);
}

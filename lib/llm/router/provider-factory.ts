// What `ProviderRouter.register` takes: everything the router needs to configure, probe and build a provider.
import type { Environment } from "../config.ts";
import type { LLMConfig, LLMConfigInput, LLMProvider } from "../types.ts";

export type ProviderFactory = {
  defaultModel: string;
  /** The settings this provider takes from the environment (its base URL and key variables). */
  fromEnvironment(env: Environment): Partial<LLMConfigInput>;
  create(config: LLMConfig): LLMProvider | Promise<LLMProvider>;
  /** Whether a call could succeed now: reachable for a local server, a key configured for a cloud one. */
  isAvailable(config: LLMConfig, options: { timeoutMs: number }): Promise<boolean>;
  /** The model ids the endpoint offers; absent for a provider that cannot list them. Throws LLMError. */
  listModels?(config: LLMConfig, signal: AbortSignal): Promise<string[]>;
  /** One line telling a person how to set this provider up. */
  setupHint: string;
};

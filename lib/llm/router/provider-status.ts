// A provider's status as a person reads it (the CLI's `providers` command, Settings): whether it can be used now,
// whether its key is set (never the key), the model used when a node names none, and how to set it up.
import { providerDescriptor } from "../providers/index.ts";
import type { ProviderStatus } from "./provider-router.ts";

/**
 * One provider, safe to print or send to a browser: no key, only whether one is set.
 * - `isAvailable`: reachable for a local server, a key configured for a cloud API (what ProviderRouter probes).
 * - `key`: "not needed" for a provider that takes no key from the environment (Ollama).
 * - `isChosen`: the first available provider, used when no provider is named.
 */
export type ProviderStatusSummary = {
  name: string;
  title: string;
  isAvailable: boolean;
  key: "set" | "not set" | "not needed";
  defaultModel: string;
  baseUrl?: string;
  setupHint: string;
  isChosen: boolean;
};

/** The statuses in the router's priority order, each without its key. */
export function summarizeProviderStatuses(statuses: readonly ProviderStatus[]): ProviderStatusSummary[] {
  const chosen = statuses.find((status) => status.isAvailable)?.name;
  return statuses.map(({ name, isAvailable, config, setupHint }) => {
    const descriptor = providerDescriptor(name);
    const takesKey = descriptor?.endpoint.apiKeyVariable !== undefined;
    return {
      name,
      title: descriptor?.title ?? name,
      isAvailable,
      key: takesKey ? (config.apiKey ? "set" : "not set") : "not needed",
      defaultModel: config.model,
      ...(config.baseUrl && { baseUrl: config.baseUrl }),
      setupHint,
      isChosen: name === chosen,
    };
  });
}

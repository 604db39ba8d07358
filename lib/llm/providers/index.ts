// The one list of providers. Everything that names providers reads it: the provider names and config schema,
// the router (and its fallback order: this order, local first), the provider node kinds and their settings,
// the credential kinds and the endpoints keys are bound to, the credential picker and the CLI.
// Adding a provider: its folder (a descriptor, an adapter and a runtime) and one line here; the type of
// `providerRuntimes` (runtimes.ts, kept apart so no vendor SDK reaches the browser) then asks for its runtime.
import { anthropicProvider } from "../anthropic/provider.ts";
import { ollamaProvider } from "../ollama/provider.ts";
import { openaiCompatibleProvider } from "../openai-compatible/provider.ts";
import { openaiProvider } from "../openai/provider.ts";
import type { ProviderDescriptor } from "./descriptor.ts";

export const providerDescriptors = [ollamaProvider, openaiProvider, anthropicProvider, openaiCompatibleProvider] as const;

export type ProviderName = (typeof providerDescriptors)[number]["name"];

/** In fallback order; a tuple, so `z.enum(providerNames)` accepts it. */
export const providerNames = providerDescriptors.map((descriptor) => descriptor.name) as unknown as readonly [ProviderName, ...ProviderName[]];

export function isProviderName(name: string | undefined): name is ProviderName {
  return name !== undefined && (providerNames as readonly string[]).includes(name);
}

/** The descriptor of a provider by name; undefined for a name that is not one (a Google credential kind, say). */
export function providerDescriptor(name: string | undefined): ProviderDescriptor | undefined {
  return providerDescriptors.find((descriptor) => descriptor.name === name);
}

type KeyedDescriptor = Extract<(typeof providerDescriptors)[number], { credential: object }>;

/** A provider whose API keys can be stored as credentials: their kind is the provider's name. */
export type KeyedProviderName = KeyedDescriptor["name"];

export const keyedProviders: readonly KeyedDescriptor[] = providerDescriptors.filter((descriptor): descriptor is KeyedDescriptor => descriptor.credential !== null);

/** As a tuple, so `z.enum` accepts it. */
export const keyedProviderNames = keyedProviders.map((descriptor) => descriptor.name) as unknown as readonly [KeyedProviderName, ...KeyedProviderName[]];

export type { ProviderDescriptor, ProviderEndpoint } from "./descriptor.ts";

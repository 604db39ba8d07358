// What a provider is, as data: its name, the settings its node offers, where its requests go and which keys
// may follow them. Plain data and zod schemas only (no vendor SDK), so the compiler, the canvas and the
// credential picker read it in the browser; the SDK side of a provider is its runtime (see runtimes.ts).
import type { z } from "zod";

/** Where a provider's requests go, and the environment variables that say so (each SDK's own convention). */
export type ProviderEndpoint = {
  /** The variable naming the base URL, e.g. `OPENAI_BASE_URL`; an endpoint it names is the server's own, trusted. */
  baseUrlVariable: string;
  /** The variable holding the API key; absent for a provider that takes no key from the environment (Ollama). */
  apiKeyVariable?: string;
  /** The variable naming the default model, for servers whose models have no well-known name. */
  modelVariable?: string;
  /** The SDK's default base URL, normalised; null when there is none, so a base URL is required. */
  official: string | null;
  /** Turns the base URL variable's text into a URL (Ollama accepts `host:port`); throws a TypeError on garbage. */
  normalizeBaseUrl?: (value: string | undefined) => string | undefined;
};

/**
 * One provider, described once. `name` is the provider's id everywhere: `LLMConfig.provider`, the node type
 * `provider.<name>`, and the kind of the API keys stored for it (a key's kind must equal the node's provider).
 */
export type ProviderDescriptor<Name extends string = string> = {
  name: Name;
  /** The node's title and the label in messages and pickers, e.g. "OpenAI-compatible". */
  title: string;
  /** One line for the node palette. */
  description: string;
  /** Used when neither the node nor `endpoint.modelVariable` names a model. */
  defaultModel: string;
  endpoint: ProviderEndpoint;
  /** Whether API keys of this provider can be stored under Settings → Credentials, and their label there. */
  credential: { label: string } | null;
  /**
   * The node settings this provider honours beyond the common ones (model, tokens, timeouts, Base URL,
   * credential), as zod fields with defaults and `.meta({ title, description, widget })` for the inspector.
   * A setting its adapter does not send is not offered.
   */
  settings: z.ZodRawShape;
  /** One line telling a person how to set the provider up, shown when none is available. */
  setupHint: string;
};

/** Keeps the literal types (`name` above all), so the registry derives the `ProviderName` union from its entries. */
export function defineProvider<const Descriptor extends ProviderDescriptor>(descriptor: Descriptor): Descriptor {
  return descriptor;
}

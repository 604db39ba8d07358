// The model picker's decisions, apart from React: which provider a node is, what to ask the server for, which
// listed models match what is typed, and what to say under the field (Ollama's pull hint, an unreachable provider).
import { isProviderName, type ProviderName } from "@/lib/llm/providers";

/** What `provider.models` takes: the node's provider, credential and Base URL. */
export type ModelListRequest = { provider: ProviderName; credentialId?: string; baseUrl?: string };

/** The listing as the picker sees it: still loading, the model ids, or why the provider could not be asked. */
export type ModelListing = { state: "loading" } | { state: "listed"; models: string[] } | { state: "failed"; reason: string };

/** A note under the field; `tone` "warning" for something the person should act on. */
export type ModelNote = { text: string; tone: "info" | "warning" };

const PROVIDER_NODE_PREFIX = "provider.";

/** The provider of a node type such as `provider.ollama`; null for any other node. */
export function providerOfNodeType(nodeType: string): ProviderName | null {
  if (!nodeType.startsWith(PROVIDER_NODE_PREFIX)) return null;
  const name = nodeType.slice(PROVIDER_NODE_PREFIX.length);
  return isProviderName(name) ? name : null;
}

function canParseUrl(text: string): boolean {
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The listing to ask for with the node's own settings, or null while its Base URL is not (yet) a URL: half-typed
 * addresses are not sent. `config` is the node's stored config (values may be of any type while being edited).
 */
export function modelListRequest(provider: ProviderName, config: Record<string, unknown>): ModelListRequest | null {
  const baseUrl = typeof config.baseUrl === "string" ? config.baseUrl.trim() : "";
  const credentialId = typeof config.credentialId === "string" ? config.credentialId : "";
  if (baseUrl !== "" && !canParseUrl(baseUrl)) return null;
  return { provider, ...(credentialId && { credentialId }), ...(baseUrl && { baseUrl }) };
}

/** Ollama names a model without a tag `name:latest`; both spellings are the same model. */
function sameModel(provider: ProviderName, listed: string, typed: string): boolean {
  if (listed === typed) return true;
  return provider === "ollama" && (listed === `${typed}:latest` || typed === `${listed}:latest`);
}

/** Whether the listing holds the typed model (with Ollama's implicit `:latest`). */
export function isListedModel(provider: ProviderName, models: readonly string[], typed: string): boolean {
  return models.some((listed) => sameModel(provider, listed, typed.trim()));
}

/** The listed models to offer for what is typed: all of them when nothing is typed or the text is one of them, else those containing it. */
export function matchingModels(provider: ProviderName, models: readonly string[], typed: string): string[] {
  const text = typed.trim().toLowerCase();
  if (text === "" || isListedModel(provider, models, typed)) return [...models];
  return models.filter((model) => model.toLowerCase().includes(text));
}

function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** What to say under the field: how many models the provider lists, why it could not be asked, or Ollama's pull command for a missing model. */
export function modelNote(provider: ProviderName, listing: ModelListing, typed: string): ModelNote | null {
  const model = typed.trim();
  if (listing.state === "loading") return { text: "Asking the provider for its models…", tone: "info" };
  if (listing.state === "failed") return { text: `Could not list the provider's models: ${asSentence(listing.reason)} You can still type a model name.`, tone: "warning" };
  if (model !== "" && provider === "ollama" && !isListedModel(provider, listing.models, model)) {
    return { text: `This Ollama server does not have "${model}". Download it with: ollama pull ${model}`, tone: "warning" };
  }
  if (listing.models.length === 0) return { text: "The provider lists no models. You can still type a model name.", tone: "info" };
  return null;
}

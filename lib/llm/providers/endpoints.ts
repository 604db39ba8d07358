// Which endpoints each provider's requests and keys may go to, read from the provider registry: the official
// one (when the SDK has one) and the one the server's environment names. Framework-free and SDK-free.
import { normalizeEndpoint, type Environment } from "../../credentials/endpoints.ts";
import { providerDescriptor, providerDescriptors } from "./index.ts";

/** The provider's official base URL (normalised); null for an unknown name or a provider without one. */
export function officialEndpoint(provider: string | undefined): string | null {
  return providerDescriptor(provider)?.endpoint.official ?? null;
}

/**
 * The endpoint the server's environment configures for a provider (its base URL variable: `OLLAMA_HOST`,
 * `OPENAI_BASE_URL`...), else the official one; null when neither exists. Keys from the environment go only here.
 */
export function environmentEndpoint(provider: string, env: Environment): string | null {
  const endpoint = providerDescriptor(provider)?.endpoint;
  if (!endpoint) return null;
  const value = env[endpoint.baseUrlVariable];
  const configured = endpoint.normalizeBaseUrl ? safely(endpoint.normalizeBaseUrl, value) : value;
  return normalizeEndpoint(configured) ?? endpoint.official;
}

function safely(normalize: (value: string | undefined) => string | undefined, value: string | undefined): string | undefined {
  try {
    return normalize(value);
  } catch {
    return undefined;
  }
}

/**
 * The origins (`scheme://host:port`) the server itself configures: each provider's environment endpoint and
 * the official public APIs. A node's Base URL on one of these needs no address guard; an endpoint the
 * environment names is trusted as OLLAMA_HOST is. A local default (Ollama's 127.0.0.1:11434) is trusted,
 * in the spellings people type for it, only while the environment does not move the provider elsewhere.
 */
export function serverEndpointOrigins(env: Environment): Set<string> {
  const origins = new Set<string>();
  for (const { name, endpoint } of providerDescriptors) {
    const configured = environmentEndpoint(name, env);
    if (configured) origins.add(new URL(configured).origin);
    if (endpoint.official?.startsWith("https:")) origins.add(new URL(endpoint.official).origin);
    if (endpoint.official && !env[endpoint.baseUrlVariable]) for (const origin of loopbackSpellings(endpoint.official)) origins.add(origin);
  }
  return origins;
}

/** `http://127.0.0.1:port` as `localhost` and `[::1]` too; nothing for an endpoint that is not on 127.0.0.1. */
function loopbackSpellings(endpoint: string): string[] {
  const url = new URL(endpoint);
  if (url.hostname !== "127.0.0.1") return [];
  return ["localhost", "[::1]"].map((host) => `${url.protocol}//${host}:${url.port}`);
}

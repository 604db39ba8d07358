// Where a provider's requests go, spelled one way. A stored credential records the endpoint it is for and
// is only ever sent there, so every comparison of endpoints goes through `normalizeEndpoint`.
// Framework-free and SDK-free: the compiler and the engine import it without pulling in a vendor SDK.
import { normalizeOllamaHost } from "./ollama-host.mjs";

export type Environment = Record<string, string | undefined>;

/** The providers whose keys are bound to an endpoint. */
export type KeyedProvider = "openai" | "anthropic";

/**
 * Each SDK's own default base URL (openai@6 `baseURL`, @anthropic-ai/sdk `baseURL`, ollama's host); a test
 * builds each SDK client and checks they still match.
 */
export const officialEndpoints = {
  ollama: "http://127.0.0.1:11434",
  openai: "https://api.openai.com/v1",
  anthropic: "https://api.anthropic.com",
} as const;

/** The variable holding each provider's base URL, per the SDKs' own conventions. */
const baseUrlVariables = { ollama: "OLLAMA_HOST", openai: "OPENAI_BASE_URL", anthropic: "ANTHROPIC_BASE_URL" } as const;

export type EndpointProvider = keyof typeof officialEndpoints;

export function isEndpointProvider(name: string | undefined): name is EndpointProvider {
  return name !== undefined && Object.hasOwn(officialEndpoints, name);
}

/**
 * One spelling for an endpoint URL: `scheme://host[:port]/path`, lower-case scheme and host, the scheme's
 * default port dropped, IPv4 in dotted form (WHATWG URL parsing turns `0x7f.1` or `2130706433` into
 * `127.0.0.1`), no query, fragment or credentials, and no trailing slash. Returns null for anything that is
 * not an absolute http(s) URL.
 */
export function normalizeEndpoint(text: string | undefined): string | null {
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  const path = url.pathname.replace(/\/+$/, "");
  return `${url.protocol}//${url.host.toLowerCase()}${path}`;
}

/** Whether two endpoint URLs name the same place once normalised; an invalid URL matches nothing. */
export function isSameEndpoint(a: string | undefined, b: string | undefined): boolean {
  const left = normalizeEndpoint(a);
  return left !== null && left === normalizeEndpoint(b);
}


/**
 * The endpoint the server's environment configures for a provider: `OLLAMA_HOST`, `OPENAI_BASE_URL` or
 * `ANTHROPIC_BASE_URL`, else the official one. Keys from the environment go only here.
 */
export function environmentEndpoint(provider: EndpointProvider, env: Environment): string {
  const value = env[baseUrlVariables[provider]];
  const configured = provider === "ollama" ? safeOllamaHost(value) : value;
  return normalizeEndpoint(configured) ?? officialEndpoints[provider];
}

export { normalizeOllamaHost };

function safeOllamaHost(value: string | undefined): string | undefined {
  try {
    return normalizeOllamaHost(value);
  } catch {
    return undefined;
  }
}

/**
 * The origins (`scheme://host:port`) the server itself configures: each provider's environment endpoint
 * (Ollama's local default included) and OpenAI's and Anthropic's official ones. A node's Base URL on one of these needs no address guard.
 */
export function serverEndpointOrigins(env: Environment): Set<string> {
  const origins = new Set<string>();
  for (const provider of Object.keys(officialEndpoints) as EndpointProvider[]) {
    origins.add(new URL(environmentEndpoint(provider, env)).origin);
  }
  // Ollama's default, in the spellings people type for it: the local server works with no setting.
  if (!env.OLLAMA_HOST) for (const host of ["localhost", "[::1]"]) origins.add(`http://${host}:11434`);
  origins.add(new URL(officialEndpoints.openai).origin).add(new URL(officialEndpoints.anthropic).origin);
  return origins;
}

/** The endpoint a credential of this kind stands for when it was stored without a Base URL. */
export function defaultCredentialEndpoint(kind: string): string {
  return isEndpointProvider(kind) ? officialEndpoints[kind] : "";
}

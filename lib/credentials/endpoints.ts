// Where a provider's requests go, spelled one way. A stored credential records the endpoint it is for and
// is only ever sent there, so every comparison of endpoints goes through `normalizeEndpoint`. Which endpoints
// each provider has (official, from the environment) is the provider registry's: lib/llm/providers/endpoints.ts.
// Framework-free and SDK-free: the compiler and the engine import it without pulling in a vendor SDK.
export type Environment = Record<string, string | undefined>;

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

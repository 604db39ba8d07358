// Following a redirect the way browsers do (Fetch standard, "HTTP-redirect fetch"): shared by the HTTP tool
// and the guarded fetch that model SDKs use, so both drop credentials and bodies alike.
import { parseHttpUrl } from "./http-target";

/** Statuses whose `Location` is followed. */
export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** Request headers that never travel to another origin: a key for one host must not reach the next. */
const CROSS_ORIGIN_DROPPED = ["authorization", "x-api-key", "cookie", "proxy-authorization"];

/** One request of a redirect chain. */
export type RedirectHop<Body> = { url: URL; method: string; headers: Record<string, string>; body?: Body };

/**
 * The request a redirect leads to: `location` resolved against the previous URL; 303, and 301/302 after a
 * POST, become a GET without body or content type (307/308 keep method and body); credentials are dropped
 * when the origin changes, and so are `secretHeaders` (lower case: the caller's own key headers, e.g. an MCP
 * server's X-API-Key). @throws HttpToolError when `location` is not an http(s) URL.
 */
export function nextHop<Body>(previous: RedirectHop<Body>, status: number, location: string, secretHeaders: readonly string[] = []): RedirectHop<Body> {
  const url = parseHttpUrl(location, previous.url);
  const isGet = status === 303 || ((status === 301 || status === 302) && previous.method === "POST");
  const headers = { ...previous.headers };
  if (url.origin !== previous.url.origin) {
    for (const name of Object.keys(headers)) if (CROSS_ORIGIN_DROPPED.includes(name.toLowerCase()) || secretHeaders.includes(name.toLowerCase())) delete headers[name];
  }
  if (!isGet) return { url, method: previous.method, headers, body: previous.body };
  for (const name of Object.keys(headers)) if (name.toLowerCase() === "content-type") delete headers[name];
  return { url, method: "GET", headers };
}

// Which requests may change something, and which browsers may call /api/v1: the cross-site (CSRF) and
// CORS rules, pure so they are unit-tested. proxy.ts applies them.
import { isSameOrigin, type OriginPolicy, type Refusal } from "./origin-policy.ts";

/** The route families the guard covers; pages and other routes only get the Host check and headers. */
export type GuardedArea = "trpc" | "v1" | "mcp" | "auth";

export function guardedAreaOf(pathname: string): GuardedArea | null {
  if (pathname === "/api/trpc" || pathname.startsWith("/api/trpc/")) return "trpc";
  if (pathname === "/api/v1" || pathname.startsWith("/api/v1/")) return "v1";
  if (pathname === "/api/mcp") return "mcp";
  if (pathname === "/api/auth" || pathname.startsWith("/api/auth/")) return "auth";
  return null;
}

/** The areas a browser page on a listed OSMEN_CORS_ORIGINS origin may call with an API key. */
export const isCorsArea = (area: GuardedArea | null) => area === "v1" || area === "mcp";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/** The media type of a Content-Type header, lower-case, without parameters (`application/json`). */
export const mediaTypeOf = (contentType: string | null) => (contentType ?? "").split(";")[0]!.trim().toLowerCase();

const hasBody = (headers: Headers) => Number(headers.get("content-length") ?? 0) > 0 || headers.has("transfer-encoding");
const hasBearer = (headers: Headers) => /^bearer\s+\S/i.test(headers.get("authorization") ?? "");

export type GuardInput = { method: string; pathname: string; headers: Headers };

/**
 * Refuses a state-changing request that a page on another site could have sent:
 * - a browser says where a request comes from (`Sec-Fetch-Site`, Fetch Metadata; `Origin`, RFC 6454):
 *   it must be this server, or, for /api/v1 and /api/mcp only, an origin listed in OSMEN_CORS_ORIGINS;
 * - a client that sends neither is not a browser page and must carry `Authorization: Bearer <API key>` (at
 *   /api/mcp the route itself refuses it with 401, as MCP clients expect);
 * - tRPC, /api/v1 and /api/mcp take JSON only (MCP's Streamable HTTP POSTs application/json), so the form encodings a cross-site `<form>` can send (urlencoded,
 *   multipart, text/plain) never reach a procedure.
 * Answers null when allowed, else a Refusal (403 for the origin, 415 for the body type).
 */
export function checkMutation(policy: OriginPolicy, { method, pathname, headers }: GuardInput): Refusal | null {
  const area = guardedAreaOf(pathname);
  if (!area || safeMethods.has(method.toUpperCase())) return null;
  const origin = headers.get("origin");
  const fetchSite = headers.get("sec-fetch-site")?.toLowerCase();
  const isCorsCaller = isCorsArea(area) && origin !== null && policy.corsOrigins.has(origin) && hasBearer(headers);
  if (origin !== null) {
    if (!isCorsCaller && !isSameOrigin(policy, origin, headers)) return crossSite(origin);
  } else if (fetchSite !== undefined) {
    if (fetchSite !== "same-origin") return crossSite(fetchSite);
  } else if (!hasBearer(headers) && area !== "mcp") {
    // /api/mcp reads no cookie, so a keyless non-browser client there is no CSRF risk: the route answers it with
    // MCP's 401 and WWW-Authenticate challenge, which is how MCP clients learn that they need a key.
    return {
      status: 403,
      message: "A request that changes something must come from this site's pages or carry an API key (Authorization: Bearer <key>).",
    };
  }
  if (fetchSite !== undefined && fetchSite !== "same-origin" && !isCorsCaller) return crossSite(fetchSite);
  if (area === "auth") return null;
  const mediaType = mediaTypeOf(headers.get("content-type"));
  if (mediaType === "application/json" || (mediaType === "" && !hasBody(headers))) return null;
  return {
    status: 415,
    message: `This endpoint takes a JSON body; send it with Content-Type: application/json${mediaType ? ` (got ${mediaType})` : ""}.`,
  };
}

const crossSite = (from: string): Refusal => ({
  status: 403,
  message: `Cross-site requests may not change anything here (request came from ${from}). Use the app itself, or an API key from a client that is not a browser page.`,
});

// MCP clients also send their protocol version (and Last-Event-ID when resuming a stream).
const corsAllowHeaders = "authorization, content-type, accept, mcp-protocol-version, last-event-id";
const corsAllowMethods = "GET, POST, DELETE, OPTIONS";

/**
 * CORS response headers for /api/v1 and /api/mcp (Fetch standard): only origins in OSMEN_CORS_ORIGINS get an
 * `Access-Control-Allow-Origin`; no credentials (API keys travel in `Authorization`, never cookies).
 * Answers null for any other origin, so the browser refuses the response.
 */
export function corsHeadersFor(policy: OriginPolicy, origin: string | null): Record<string, string> | null {
  if (!origin || !policy.corsOrigins.has(origin)) return null;
  return {
    "access-control-allow-origin": origin,
    "access-control-allow-methods": corsAllowMethods,
    "access-control-allow-headers": corsAllowHeaders,
    "access-control-expose-headers": "retry-after, www-authenticate",
    "access-control-max-age": "600",
    vary: "Origin",
  };
}

// The one place absolute URLs start from: OAuth callbacks, share links, API snippets, redirects.
// Next.js route handlers see `request.url` on the host the server was started with (often `localhost`),
// not the one the browser used, so the request's own origin is read from its Host header instead.
import { loadServerEnv } from "@/server/env.mjs";

/** The variables the origin depends on, as `loadServerEnv()` returns them. */
export type OriginSettings = { OSMEN_ORIGIN?: string[]; OSMEN_TRUST_PROXY: "0" | "1"; PORT: number };

type RequestLike = { url: string; headers: Headers };

const firstValue = (header: string | null) => header?.split(",")[0]?.trim() || undefined;

/** `scheme://host[:port]` when `host` is a plain host (no path, no user info), else undefined. */
function originOf(protocol: string, host: string | undefined): string | undefined {
  if (!host || /[/\\@?#\s]/.test(host)) return undefined;
  const scheme = protocol.replace(/:$/, "");
  if (scheme !== "http" && scheme !== "https") return undefined;
  return URL.parse(`${scheme}://${host}`)?.origin;
}

/**
 * The request's own origin as the browser addressed it: its Host header (with `X-Forwarded-Proto` and
 * `X-Forwarded-Host` only when `trustProxy`, since anyone can send them), else `request.url`'s origin.
 */
export function requestOrigin(request: RequestLike, trustProxy: boolean): string {
  const fallback = new URL(request.url);
  const forwardedProto = trustProxy ? firstValue(request.headers.get("x-forwarded-proto"))?.toLowerCase() : undefined;
  const protocol = forwardedProto === "http" || forwardedProto === "https" ? forwardedProto : fallback.protocol;
  const host = (trustProxy && firstValue(request.headers.get("x-forwarded-host"))) || firstValue(request.headers.get("host"));
  return originOf(protocol, host) ?? fallback.origin;
}

/**
 * The public origin from given settings: the first `OSMEN_ORIGIN` entry, else the request's own origin
 * (see `requestOrigin`), else `http://localhost:<PORT>`. Never ends with a slash.
 */
export function resolvePublicOrigin(settings: OriginSettings, request?: RequestLike): string {
  const configured = settings.OSMEN_ORIGIN?.[0];
  if (configured) return configured;
  if (request) return requestOrigin(request, settings.OSMEN_TRUST_PROXY === "1");
  return `http://localhost:${settings.PORT}`;
}

/** The server's public origin (`resolvePublicOrigin` on the process's environment), e.g. "https://studio.example.com". */
export function publicOrigin(request?: RequestLike): string {
  return resolvePublicOrigin(loadServerEnv(), request);
}

/** An absolute URL for `path` on the public origin, e.g. absoluteUrl("/share/abc", request). */
export function absoluteUrl(path: string, request?: RequestLike): string {
  return new URL(path, `${publicOrigin(request)}/`).toString();
}

/** `publicOrigin` for code that has only the request's headers (tRPC procedures): `ctx.headers`. */
export function publicOriginFromHeaders(headers: Headers): string {
  return publicOrigin({ url: `http://localhost:${loadServerEnv().PORT}/`, headers });
}

/** `absoluteUrl` for code that has only the request's headers (tRPC procedures): `ctx.headers`. */
export function absoluteUrlFromHeaders(path: string, headers: Headers): string {
  return new URL(path, `${publicOriginFromHeaders(headers)}/`).toString();
}

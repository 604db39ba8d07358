// Which origins may post to /api/auth when OSMEN_ORIGIN is unset. (Absolute URLs are built by
// server/http/public-origin.ts; OSMEN_ORIGIN itself is parsed by the environment schema.)

/**
 * The origins a browser may post from when no OSMEN_ORIGIN is set: this server's own, as named by the
 * request's `Host` (or, behind a trusted proxy, `X-Forwarded-Host`), over http or https. A page on any other
 * site sends its own Origin, which matches neither, so cross-site posts stay refused.
 */
export function sameHostOrigins(headers: Headers | undefined, trustProxy = false): string[] {
  const host = headers && ((trustProxy && headers.get("x-forwarded-host")?.split(",")[0]?.trim()) || headers.get("host"));
  return host ? [`http://${host}`, `https://${host}`] : [];
}

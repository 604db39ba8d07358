// The server's public origins (OSMEN_ORIGIN) and how absolute URLs are built from them.

/**
 * Parses OSMEN_ORIGIN ("https://a.example, https://b.example") into normalised origins, first one first.
 * @throws Error naming the entry that is not an http(s) origin.
 */
export function parseOrigins(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "")
    .map((entry) => {
      let url: URL;
      try {
        url = new URL(entry);
      } catch {
        throw new Error(`OSMEN_ORIGIN entry "${entry}" is not a URL; write it like https://studio.example.com`);
      }
      if (url.protocol !== "http:" && url.protocol !== "https:") {
        throw new Error(`OSMEN_ORIGIN entry "${entry}" must start with http:// or https://`);
      }
      return url.origin;
    });
}

/**
 * The origin absolute URLs start with: the first OSMEN_ORIGIN, else the request's own origin (its `Origin`
 * header, else `Host` with `X-Forwarded-Proto` when behind a trusted proxy), else null.
 */
export function publicOrigin(origins: string[], headers: Headers, trustProxy = false): string | null {
  if (origins[0]) return origins[0];
  const origin = headers.get("origin");
  if (origin && origin !== "null") return origin;
  const host = (trustProxy && headers.get("x-forwarded-host")) || headers.get("host");
  if (!host) return null;
  const proto = (trustProxy && headers.get("x-forwarded-proto")?.split(",")[0]?.trim()) || "http";
  return `${proto}://${host}`;
}

/**
 * The origins a browser may post from when no OSMEN_ORIGIN is set: this server's own, as named by the
 * request's `Host` (or, behind a trusted proxy, `X-Forwarded-Host`), over http or https. A page on any other
 * site sends its own Origin, which matches neither, so cross-site posts stay refused.
 */
export function sameHostOrigins(headers: Headers | undefined, trustProxy = false): string[] {
  const host = headers && ((trustProxy && headers.get("x-forwarded-host")?.split(",")[0]?.trim()) || headers.get("host"));
  return host ? [`http://${host}`, `https://${host}`] : [];
}

// Decides where one HTTP hop may connect: checks the scheme, the host name, and every address the name
// resolves to, and returns the one address the connection will be pinned to (no second DNS lookup, so a
// name cannot resolve to a public address for the check and a private one for the connection).
import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";
import { blockedAddressReason, isAllowlisted, isBlockedHostname } from "./http-address";

export type ResolvedAddress = { address: string; family: 4 | 6 };
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

export class HttpToolError extends Error {
  constructor(readonly code: "bad_url" | "blocked_url" | "too_many_redirects" | "timeout" | "network", message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "HttpToolError";
  }
}

export const systemResolver: HostResolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((entry) => ({ address: entry.address, family: entry.family === 6 ? 6 : 4 }));

export function parseHttpUrl(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    throw new HttpToolError("bad_url", `"${text}" is not a valid URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new HttpToolError("blocked_url", `only http and https URLs are allowed, not ${url.protocol.replace(":", "")}`);
  }
  return url;
}

/** The bare host of a URL: IPv6 brackets removed, lower case. (WHATWG URL already turns 0x7f.1, 2130706433 and 0177.0.0.1 into 127.0.0.1.) */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
}

/**
 * Checks one hop and picks the address to connect to. `subject` names who is refused in messages ("the HTTP
 * tool", "a model's Base URL"). Throws HttpToolError: `blocked_url` for a non-public target, `network` when the
 * name does not resolve.
 */
export async function resolveTarget(url: URL, allowlist: string[], resolveHost: HostResolver, subject = "the HTTP tool"): Promise<ResolvedAddress> {
  const host = hostOf(url);
  // The fix for a server the operator trusts, named by the host as typed (the list matches names, not addresses).
  const howToAllow = ` unless the server's OSMEN_HTTP_ALLOWLIST names it (add ${host} to it to allow this)`;
  const isAllowed = isAllowlisted(host, allowlist);
  const literal = isIP(host);
  if (literal) {
    const reason = isAllowed ? null : blockedAddressReason(host);
    if (reason) throw new HttpToolError("blocked_url", `${url.host} is ${reason}; ${subject} only reaches public addresses${howToAllow}`);
    return { address: host, family: literal === 6 ? 6 : 4 };
  }
  if (!isAllowed && isBlockedHostname(host)) {
    throw new HttpToolError("blocked_url", `${host} is an internal host name; ${subject} only reaches public addresses${howToAllow}`);
  }
  let addresses: ResolvedAddress[];
  try {
    addresses = await resolveHost(host);
  } catch {
    throw new HttpToolError("network", `could not resolve ${host}`);
  }
  if (addresses.length === 0) throw new HttpToolError("network", `could not resolve ${host}`);
  if (!isAllowed) {
    for (const entry of addresses) {
      const reason = blockedAddressReason(entry.address);
      if (reason) throw new HttpToolError("blocked_url", `${host} resolves to ${entry.address}, ${reason}; ${subject} only reaches public addresses${howToAllow}`);
    }
  }
  return addresses[0]!;
}

// Which hosts and origins this server answers, decided from the environment once and applied by proxy.ts.
// Pure: no Next.js, so every rule is unit-tested without a server.
import ipaddr from "ipaddr.js";

export type OriginPolicy = {
  /** Public origins from OSMEN_ORIGIN (`https://studio.example.com`), normalised; empty when unset. */
  origins: readonly string[];
  /** Host names a request may name when OSMEN_ORIGIN is unset: the bound host and `localhost`. */
  defaultHostnames: ReadonlySet<string>;
  /** True when bound to every interface (0.0.0.0 / ::) and OSMEN_ORIGIN is unset: any IP literal Host is fine. */
  allowsIpLiteralHosts: boolean;
  /** Origins that may call /api/v1 from a browser (OSMEN_CORS_ORIGINS). */
  corsOrigins: ReadonlySet<string>;
  /** OSMEN_TRUST_PROXY=1: X-Forwarded-Host/-Proto describe the request, not Host and the socket. */
  trustProxy: boolean;
};

/** The variables the policy reads, as `loadServerEnv()` returns them (origin lists already parsed and normalised). */
export type PolicyEnv = {
  HOST?: string;
  OSMEN_ORIGIN?: readonly string[];
  OSMEN_CORS_ORIGINS?: readonly string[];
  OSMEN_TRUST_PROXY?: string;
};

/** A refusal the proxy answers with: the HTTP status and a sentence naming the problem and the fix. */
export type Refusal = { status: number; message: string };

const unbracket = (hostname: string) => hostname.replace(/^\[(.*)\]$/, "$1");
const isWildcardAddress = (host: string) => ["0.0.0.0", "::", "[::]", ""].includes(host.trim());

/** Builds the policy from the environment (`server/env.mjs` has already refused a malformed origin). */
export function originPolicyFromEnv(env: PolicyEnv): OriginPolicy {
  const origins = env.OSMEN_ORIGIN ?? [];
  const boundHost = (env.HOST ?? "127.0.0.1").trim().toLowerCase();
  const defaultHostnames = new Set(["localhost"]);
  if (!isWildcardAddress(boundHost)) defaultHostnames.add(unbracket(boundHost));
  return {
    origins,
    defaultHostnames,
    allowsIpLiteralHosts: origins.length === 0 && isWildcardAddress(boundHost),
    corsOrigins: new Set(env.OSMEN_CORS_ORIGINS ?? []),
    trustProxy: env.OSMEN_TRUST_PROXY === "1",
  };
}

/** The host the client addressed (`Host`, or the first `X-Forwarded-Host` behind a trusted proxy). */
export function requestHost(policy: OriginPolicy, headers: Headers): string | null {
  const forwarded = policy.trustProxy ? headers.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  return forwarded || headers.get("host");
}

/** Parses a Host header value into URL terms (`host` with port, `hostname` without); null when malformed. */
function parseHost(value: string): { host: string; hostname: string } | null {
  if (/[\s/?#@\\]/.test(value)) return null;
  try {
    const url = new URL(`http://${value}`);
    return { host: url.host, hostname: unbracket(url.hostname) };
  } catch {
    return null;
  }
}

/**
 * The DNS-rebinding guard: a page on an attacker's name that resolves to this server sends that name as
 * Host. Answers null when the Host is one this server is reached by, else a Refusal (400 when missing or
 * malformed, 421 Misdirected Request, RFC 9110 §15.5.20, when it names another host).
 */
export function checkHost(policy: OriginPolicy, headers: Headers): Refusal | null {
  const raw = requestHost(policy, headers);
  const parsed = raw ? parseHost(raw) : null;
  if (!parsed) return { status: 400, message: "The request has no valid Host header." };
  if (policy.origins.length > 0) {
    if (policy.origins.some((origin) => new URL(origin).host === parsed.host)) return null;
  } else if (policy.defaultHostnames.has(parsed.hostname) || (policy.allowsIpLiteralHosts && ipaddr.isValid(parsed.hostname))) {
    return null;
  }
  return {
    status: 421,
    message: `This server does not answer for the host "${raw}". Open it by a configured address, or add the address to OSMEN_ORIGIN.`,
  };
}

/** The scheme the client used: the socket's, or X-Forwarded-Proto behind a trusted proxy. */
export function requestProtocol(policy: OriginPolicy, url: URL, headers: Headers): "http" | "https" {
  const forwarded = policy.trustProxy ? headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() : undefined;
  if (forwarded === "https" || forwarded === "http") return forwarded;
  return url.protocol === "https:" ? "https" : "http";
}

/** True when `origin` (an Origin header) is this server itself: a configured origin, or the addressed host. */
export function isSameOrigin(policy: OriginPolicy, origin: string, headers: Headers): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (policy.origins.length > 0) return policy.origins.includes(parsed.origin);
  const host = requestHost(policy, headers);
  return host !== null && parseHost(host)?.host === parsed.host;
}

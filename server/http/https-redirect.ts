// Behind a TLS proxy (OSMEN_TRUST_PROXY=1) a request that reached the proxy over plain HTTP is sent to the
// HTTPS address instead of being served: a session cookie marked Secure would not come back over HTTP, and
// HSTS only takes hold once the browser has been over HTTPS. Pure, so every rule is unit-tested.
import { isLoopbackHost } from "@/server/auth/auth-mode";
import { requestHost, type OriginPolicy } from "./origin-policy.ts";

/** The status of the redirect: 308 keeps the method and body (RFC 9110 §15.4.9), so a POST stays a POST. */
export const HTTPS_REDIRECT_STATUS = 308;

const hostnameOf = (host: string): string | null => URL.parse(`http://${host}`)?.hostname ?? null;

/**
 * The HTTPS URL a plain-HTTP request should move to, or null when it is served as it is. Null unless the
 * proxy is trusted and said `X-Forwarded-Proto: http`: a request without the header came straight to the
 * server (a Kubernetes probe on the pod's address, a load balancer's health check, a call inside the
 * cluster) and is served. Null for loopback hosts (a developer on this machine). The target keeps the path and query; its origin
 * is the configured `https://` origin for that host name (with its port), or `https://<host name>` when
 * OSMEN_ORIGIN is unset. A host whose configured origins are all `http://` is left on HTTP: the operator
 * declared it so.
 */
export function httpsRedirectTarget(policy: OriginPolicy, url: URL, headers: Headers): string | null {
  const forwardedProto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  if (!policy.trustProxy || forwardedProto !== "http") return null;
  const host = requestHost(policy, headers);
  const hostname = host ? hostnameOf(host) : null;
  if (!hostname || isLoopbackHost(hostname)) return null;
  const origin =
    policy.origins.length > 0
      ? policy.origins.find((candidate) => candidate.startsWith("https://") && new URL(candidate).hostname === hostname)
      : `https://${hostname}`;
  return origin ? `${origin}${url.pathname}${url.search}` : null;
}

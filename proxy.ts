// The request boundary, applied before any route: the Host check (DNS rebinding), the cross-site mutation
// check, the move to HTTPS behind a TLS proxy, CORS for /api/v1 and /api/mcp, and the security headers. The rules
// live in server/http/; this file only applies them.
import { NextResponse, type NextRequest } from "next/server";
import { loadServerEnv } from "@/server/env.mjs";
import { checkHost, originPolicyFromEnv, requestProtocol, type OriginPolicy } from "@/server/http/origin-policy";
import { HTTPS_REDIRECT_STATUS, httpsRedirectTarget } from "@/server/http/https-redirect";
import { checkMutation, corsHeadersFor, guardedAreaOf, isCorsArea } from "@/server/http/request-guard";
import { isHostCheckExempt } from "@/server/http/host-check-exempt";
import { createNonce, isEmbeddablePath, mayRenderPage, securityHeaders } from "@/server/http/security-headers";

let policy: OriginPolicy | undefined;
const currentPolicy = () => (policy ??= originPolicyFromEnv(loadServerEnv()));

const refuse = (status: number, message: string, extra: Record<string, string> = {}) =>
  NextResponse.json({ error: { code: status === 415 ? "UNSUPPORTED_MEDIA_TYPE" : "FORBIDDEN", message } }, { status, headers: extra });

export function proxy(request: NextRequest) {
  const rules = currentPolicy();
  const { headers, method, nextUrl } = request;
  const nonce = createNonce();
  const security = securityHeaders({
    nonce,
    isDevelopment: process.env.NODE_ENV === "development",
    isHttps: requestProtocol(rules, nextUrl, headers) === "https",
    isEmbeddable: isEmbeddablePath(nextUrl.pathname),
  });
  const withSecurity = (response: NextResponse) => {
    for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
    return response;
  };

  const hostRefusal = isHostCheckExempt(nextUrl.pathname, loadServerEnv().OSMEN_METRICS_TOKEN !== undefined) ? null : checkHost(rules, headers);
  if (hostRefusal) {
    return withSecurity(new NextResponse(hostRefusal.message, { status: hostRefusal.status, headers: { "content-type": "text/plain; charset=utf-8" } }));
  }

  const httpsTarget = httpsRedirectTarget(rules, nextUrl, headers);
  if (httpsTarget) return withSecurity(NextResponse.redirect(httpsTarget, HTTPS_REDIRECT_STATUS));

  const isCorsRoute = isCorsArea(guardedAreaOf(nextUrl.pathname));
  const cors = isCorsRoute ? corsHeadersFor(rules, headers.get("origin")) : null;
  if (isCorsRoute && method === "OPTIONS") {
    // A preflight from an origin not in OSMEN_CORS_ORIGINS gets no CORS headers, so the browser stops there.
    return withSecurity(new NextResponse(null, { status: cors ? 204 : 403, headers: cors ?? {} }));
  }

  const mutationRefusal = checkMutation(rules, { method, pathname: nextUrl.pathname, headers });
  if (mutationRefusal) return withSecurity(refuse(mutationRefusal.status, mutationRefusal.message, cors ?? {}));

  // Next.js reads the nonce from the request's CSP header and stamps it on the scripts it renders. Only a page
  // needs it: rewriting a request's headers costs every API request a copy of them and their re-parsing.
  let response: NextResponse;
  if (mayRenderPage(nextUrl.pathname)) {
    const requestHeaders = new Headers(headers);
    requestHeaders.set("content-security-policy", security["content-security-policy"]!);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  } else {
    response = NextResponse.next();
  }
  for (const [name, value] of Object.entries(cors ?? {})) response.headers.set(name, value);
  return withSecurity(response);
}

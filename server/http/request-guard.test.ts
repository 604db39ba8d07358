import { describe, expect, it } from "vitest";
import { parseServerEnv } from "@/server/env.mjs";
import { checkHost, originPolicyFromEnv as policyFromParsedEnv, requestProtocol } from "./origin-policy.ts";

/** The policy as the server builds it: from the variables as written, through the environment schema. */
const originPolicyFromEnv = (variables: Record<string, string>) => policyFromParsedEnv(parseServerEnv(variables));
import { checkMutation, corsHeadersFor } from "./request-guard.ts";
import { contentSecurityPolicy, securityHeaders } from "./security-headers.ts";

const local = originPolicyFromEnv({});
const configured = originPolicyFromEnv({ OSMEN_ORIGIN: "https://studio.example.com, https://alt.example.com:8443", OSMEN_CORS_ORIGINS: "https://app.partner.test" });
const headersOf = (values: Record<string, string>) => new Headers(values);

describe("checkHost", () => {
  it("answers for the bound host and localhost by default, on any port", () => {
    expect(checkHost(local, headersOf({ host: "127.0.0.1:3000" }))).toBeNull();
    expect(checkHost(local, headersOf({ host: "localhost:3304" }))).toBeNull();
    expect(checkHost(local, headersOf({ host: "LOCALHOST" }))).toBeNull();
  });

  it("refuses a rebinding name with 421 and a missing or malformed Host with 400", () => {
    expect(checkHost(local, headersOf({ host: "evil.example:3000" }))?.status).toBe(421);
    expect(checkHost(local, headersOf({ host: "10.0.0.5:3000" }))?.status).toBe(421);
    expect(checkHost(local, headersOf({}))?.status).toBe(400);
    expect(checkHost(local, headersOf({ host: "a b" }))?.status).toBe(400);
    expect(checkHost(local, headersOf({ host: "localhost@evil" }))?.status).toBe(400);
  });

  it("names OSMEN_ORIGIN in the refusal so the fix is clear", () => {
    expect(checkHost(local, headersOf({ host: "evil.example" }))?.message).toContain("OSMEN_ORIGIN");
  });

  it("bound to every interface, lets IP literals through but not names", () => {
    const wildcard = originPolicyFromEnv({ HOST: "0.0.0.0" });
    expect(checkHost(wildcard, headersOf({ host: "192.168.1.20:3000" }))).toBeNull();
    expect(checkHost(wildcard, headersOf({ host: "[::1]:3000" }))).toBeNull();
    expect(checkHost(wildcard, headersOf({ host: "rebind.evil.example:3000" }))?.status).toBe(421);
  });

  it("with OSMEN_ORIGIN answers only its hosts, ports included", () => {
    expect(checkHost(configured, headersOf({ host: "studio.example.com" }))).toBeNull();
    expect(checkHost(configured, headersOf({ host: "alt.example.com:8443" }))).toBeNull();
    expect(checkHost(configured, headersOf({ host: "alt.example.com" }))?.status).toBe(421);
    expect(checkHost(configured, headersOf({ host: "localhost:3000" }))?.status).toBe(421);
  });

  it("reads X-Forwarded-Host only behind a trusted proxy", () => {
    const trusted = originPolicyFromEnv({ OSMEN_ORIGIN: "https://studio.example.com", OSMEN_TRUST_PROXY: "1" });
    const forwarded = headersOf({ host: "10.0.0.2:3000", "x-forwarded-host": "studio.example.com" });
    expect(checkHost(trusted, forwarded)).toBeNull();
    expect(checkHost(configured, forwarded)?.status).toBe(421);
    expect(requestProtocol(trusted, new URL("http://10.0.0.2/"), headersOf({ "x-forwarded-proto": "https" }))).toBe("https");
    expect(requestProtocol(configured, new URL("http://10.0.0.2/"), headersOf({ "x-forwarded-proto": "https" }))).toBe("http");
  });

  it("refuses a malformed OSMEN_ORIGIN at start, naming the variable", () => {
    expect(() => originPolicyFromEnv({ OSMEN_ORIGIN: "studio.example.com" })).toThrow(/OSMEN_ORIGIN: .*e\.g\. https:\/\//);
    expect(() => originPolicyFromEnv({ OSMEN_CORS_ORIGINS: "ftp://x.test" })).toThrow(/OSMEN_CORS_ORIGINS/);
  });
});

describe("checkMutation", () => {
  const post = (pathname: string, values: Record<string, string>) => ({ method: "POST", pathname, headers: headersOf({ host: "localhost:3000", ...values }) });
  const json = { "content-type": "application/json", "content-length": "2" };

  it("lets reads through whatever their origin", () => {
    expect(checkMutation(local, { method: "GET", pathname: "/api/trpc/flow.list", headers: headersOf({ origin: "https://evil.test" }) })).toBeNull();
  });

  it("allows a same-origin browser POST with JSON", () => {
    expect(checkMutation(local, post("/api/trpc/flow.create", { ...json, origin: "http://localhost:3000", "sec-fetch-site": "same-origin" }))).toBeNull();
  });

  it("refuses a cross-site POST by Origin or by Sec-Fetch-Site", () => {
    expect(checkMutation(local, post("/api/trpc/google.disconnect", { ...json, origin: "https://evil.test" }))?.status).toBe(403);
    expect(checkMutation(local, post("/api/trpc/google.disconnect", { ...json, "sec-fetch-site": "cross-site" }))?.status).toBe(403);
    expect(checkMutation(local, post("/api/trpc/google.disconnect", { ...json, "sec-fetch-site": "same-site" }))?.status).toBe(403);
    expect(checkMutation(local, post("/api/trpc/google.disconnect", { ...json, origin: "null" }))?.status).toBe(403);
    expect(checkMutation(local, post("/api/auth/sign-out", { origin: "https://evil.test" }))?.status).toBe(403);
  });

  it("refuses an origin on another port of the same host", () => {
    expect(checkMutation(local, post("/api/trpc/flow.create", { ...json, origin: "http://localhost:4000" }))?.status).toBe(403);
  });

  it("refuses form, multipart and text bodies on tRPC and /api/v1 even from the same origin", () => {
    const sameOrigin = { origin: "http://localhost:3000", "content-length": "10" };
    for (const type of ["multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "text/plain"]) {
      expect(checkMutation(local, post("/api/trpc/google.disconnect", { ...sameOrigin, "content-type": type }))?.status).toBe(415);
      expect(checkMutation(local, post("/api/v1/flows/f/run", { ...sameOrigin, authorization: "Bearer k", "content-type": type }))?.status).toBe(415);
    }
    expect(checkMutation(local, post("/api/trpc/flow.create", { origin: "http://localhost:3000", "transfer-encoding": "chunked" }))?.status).toBe(415);
    expect(checkMutation(local, post("/api/trpc/flow.create", { origin: "http://localhost:3000", "content-type": "application/json; charset=utf-8" }))).toBeNull();
  });

  it("lets a non-browser client through only with a bearer API key", () => {
    expect(checkMutation(local, post("/api/v1/flows/f/run", { ...json, authorization: "Bearer osk_123" }))).toBeNull();
    expect(checkMutation(local, post("/api/v1/flows/f/run", json))?.status).toBe(403);
    expect(checkMutation(local, post("/api/trpc/flow.create", json))?.message).toContain("Authorization: Bearer");
  });

  it("with OSMEN_ORIGIN accepts only the configured origins", () => {
    const at = (origin: string) => ({ method: "POST", pathname: "/api/trpc/x", headers: headersOf({ ...json, host: "studio.example.com", origin }) });
    expect(checkMutation(configured, at("https://studio.example.com"))).toBeNull();
    expect(checkMutation(configured, at("http://studio.example.com"))?.status).toBe(403);
  });

  it("lets a listed CORS origin POST to /api/v1 with an API key, but never to tRPC", () => {
    const cross = { ...json, host: "studio.example.com", origin: "https://app.partner.test", "sec-fetch-site": "cross-site", authorization: "Bearer k" };
    expect(checkMutation(configured, { method: "POST", pathname: "/api/v1/flows/f/run", headers: headersOf(cross) })).toBeNull();
    expect(checkMutation(configured, { method: "POST", pathname: "/api/trpc/x", headers: headersOf(cross) })?.status).toBe(403);
    const { authorization: _, ...noKey } = cross;
    expect(checkMutation(configured, { method: "POST", pathname: "/api/v1/flows/f/run", headers: headersOf(noKey) })?.status).toBe(403);
  });

  it("guards /api/mcp like /api/v1: an API key from a non-browser client or a listed origin, JSON bodies only", () => {
    expect(checkMutation(local, post("/api/mcp", { ...json, authorization: "Bearer osm_123" }))).toBeNull();
    // Without a key the route answers 401 with MCP's challenge; a cross-site page is still refused here.
    expect(checkMutation(local, post("/api/mcp", json))).toBeNull();
    expect(checkMutation(local, post("/api/mcp", { ...json, origin: "https://evil.test" }))?.status).toBe(403);
    expect(checkMutation(local, post("/api/mcp", { authorization: "Bearer osm_123", "content-type": "text/plain", "content-length": "2" }))?.status).toBe(415);
    const cross = { ...json, host: "studio.example.com", origin: "https://app.partner.test", "sec-fetch-site": "cross-site", authorization: "Bearer k" };
    expect(checkMutation(configured, { method: "POST", pathname: "/api/mcp", headers: headersOf(cross) })).toBeNull();
    expect(corsHeadersFor(configured, "https://app.partner.test")?.["access-control-allow-headers"]).toContain("mcp-protocol-version");
  });

  it("leaves other routes alone", () => {
    expect(checkMutation(local, post("/api/health", { origin: "https://evil.test" }))).toBeNull();
  });
});

describe("corsHeadersFor", () => {
  it("answers only listed origins, without credentials", () => {
    const headers = corsHeadersFor(configured, "https://app.partner.test");
    expect(headers?.["access-control-allow-origin"]).toBe("https://app.partner.test");
    expect(headers?.vary).toBe("Origin");
    expect(headers).not.toHaveProperty("access-control-allow-credentials");
    expect(corsHeadersFor(configured, "https://evil.test")).toBeNull();
    expect(corsHeadersFor(configured, null)).toBeNull();
    expect(corsHeadersFor(local, "https://app.partner.test")).toBeNull();
  });
});

describe("security headers", () => {
  it("production CSP has the nonce, no unsafe-eval and forbids framing", () => {
    const csp = contentSecurityPolicy({ nonce: "abc", isDevelopment: false, isHttps: false });
    expect(csp).toContain("'nonce-abc'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src [^;]*'strict-dynamic'/);
    expect(csp).not.toMatch(/script-src [^;]*unsafe-inline/);
  });

  it("development CSP allows eval for Next's dev tools", () => {
    expect(contentSecurityPolicy({ nonce: "abc", isDevelopment: true, isHttps: false })).toContain("'unsafe-eval'");
  });

  it("sets nosniff and same-origin referrers always, HSTS only over HTTPS", () => {
    const plain = securityHeaders({ nonce: "n", isDevelopment: false, isHttps: false });
    expect(plain["x-content-type-options"]).toBe("nosniff");
    expect(plain["referrer-policy"]).toBe("same-origin");
    expect(plain).not.toHaveProperty("strict-transport-security");
    expect(securityHeaders({ nonce: "n", isDevelopment: false, isHttps: true })["strict-transport-security"]).toMatch(/^max-age=\d+/);
  });
});

// The request boundary as Next.js runs it, behind a TLS proxy (OSMEN_TRUST_PROXY=1).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";

let proxy: (request: NextRequest) => Response;

beforeAll(async () => {
  vi.stubEnv("OSMEN_TRUST_PROXY", "1");
  vi.stubEnv("HOST", "0.0.0.0");
  vi.stubEnv("OSMEN_ORIGIN", "https://studio.example.com");
  vi.resetModules(); // the environment and the policy are read once per module instance
  ({ proxy } = await import("@/proxy"));
});
afterAll(() => vi.unstubAllEnvs());

const request = (headers: Record<string, string>, init: { method?: string; url?: string } = {}) =>
  new NextRequest(init.url ?? "http://10.0.0.7:3000/settings?tab=keys", { method: init.method ?? "GET", headers });

describe("proxy behind a TLS proxy", () => {
  it("redirects a plain-HTTP request for a public host to HTTPS with 308, keeping path and query", () => {
    const response = proxy(request({ host: "10.0.0.7:3000", "x-forwarded-host": "studio.example.com", "x-forwarded-proto": "http" }, { method: "POST" }));
    expect(response.status).toBe(308);
    expect(response.headers.get("location")).toBe("https://studio.example.com/settings?tab=keys");
  });

  it("serves an HTTPS request with HSTS", () => {
    const response = proxy(request({ host: "10.0.0.7:3000", "x-forwarded-host": "studio.example.com", "x-forwarded-proto": "https" }));
    expect(response.status).toBe(200);
    expect(response.headers.get("strict-transport-security")).toMatch(/^max-age=\d+/);
  });

  it("answers health probes by address (kubelet, load balancer, HEALTHCHECK), but no other path", () => {
    for (const path of ["/api/health", "/api/health/live", "/api/health/ready"]) {
      expect(proxy(request({ host: "10.0.0.7:3000" }, { url: `http://10.0.0.7:3000${path}` })).status).toBe(200);
      expect(proxy(request({ host: "127.0.0.1:3000" }, { url: `http://127.0.0.1:3000${path}` })).status).toBe(200);
    }
    expect(proxy(request({ host: "10.0.0.7:3000" }, { url: "http://10.0.0.7:3000/api/healthy" })).status).toBe(421);
    expect(proxy(request({ host: "10.0.0.7:3000" }, { url: "http://10.0.0.7:3000/settings" })).status).toBe(421);
  });
});

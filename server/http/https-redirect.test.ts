import { describe, expect, it } from "vitest";
import { parseServerEnv } from "@/server/env.mjs";
import { originPolicyFromEnv } from "./origin-policy.ts";
import { httpsRedirectTarget } from "./https-redirect.ts";

/** The policy as the server builds it: from the variables as written, through the environment schema. */
const policyOf = (variables: Record<string, string>) => originPolicyFromEnv(parseServerEnv(variables));
const behindProxy = policyOf({ OSMEN_TRUST_PROXY: "1", HOST: "0.0.0.0" });
const target = (policy = behindProxy, headers: Record<string, string>, url = "http://10.0.0.7:3000/flows/abc?tab=runs") =>
  httpsRedirectTarget(policy, new URL(url), new Headers(headers));

describe("httpsRedirectTarget", () => {
  it("sends a plain-HTTP request for a public host to the same path and query over HTTPS, without the HTTP port", () => {
    expect(target(behindProxy, { host: "studio.example.com", "x-forwarded-proto": "http" })).toBe("https://studio.example.com/flows/abc?tab=runs");
    expect(target(behindProxy, { host: "10.0.0.7:3000", "x-forwarded-host": "studio.example.com:80", "x-forwarded-proto": "http" })).toBe(
      "https://studio.example.com/flows/abc?tab=runs",
    );
  });

  it("uses the configured https origin for that host, port included", () => {
    const configured = policyOf({ OSMEN_TRUST_PROXY: "1", OSMEN_ORIGIN: "https://studio.example.com:8443,https://alt.example.com" });
    expect(target(configured, { host: "studio.example.com", "x-forwarded-proto": "http" })).toBe("https://studio.example.com:8443/flows/abc?tab=runs");
  });

  it("leaves alone a request already on HTTPS, one without a forwarded scheme, and loopback hosts", () => {
    expect(target(behindProxy, { host: "studio.example.com", "x-forwarded-proto": "https" })).toBeNull();
    expect(target(behindProxy, { host: "studio.example.com" })).toBeNull();
    for (const host of ["localhost:3000", "127.0.0.1:3000", "[::1]:3000", "app.localhost"]) {
      expect(target(behindProxy, { host, "x-forwarded-proto": "http" })).toBeNull();
    }
  });

  it("never redirects without a trusted proxy: anyone can send X-Forwarded-Proto", () => {
    expect(target(policyOf({ HOST: "0.0.0.0" }), { host: "studio.example.com", "x-forwarded-proto": "http" })).toBeNull();
  });

  it("keeps a host the operator declared plain HTTP in OSMEN_ORIGIN on HTTP", () => {
    const plain = policyOf({ OSMEN_TRUST_PROXY: "1", OSMEN_ORIGIN: "http://studio.internal" });
    expect(target(plain, { host: "studio.internal", "x-forwarded-proto": "http" })).toBeNull();
  });
});

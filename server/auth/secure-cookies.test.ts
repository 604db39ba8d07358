import { describe, expect, it } from "vitest";
import { parseServerEnv } from "@/server/env.mjs";
import { usesSecureCookies } from "./secure-cookies.ts";

const decide = (variables: Record<string, string>) => usesSecureCookies(parseServerEnv(variables));

describe("usesSecureCookies", () => {
  it("is on behind a TLS proxy, whatever the origins say", () => {
    expect(decide({ OSMEN_TRUST_PROXY: "1" })).toBe(true);
    expect(decide({ OSMEN_TRUST_PROXY: "1", OSMEN_ORIGIN: "http://studio.internal" })).toBe(true);
  });

  it("is on when the auth base URL is https, from BETTER_AUTH_URL or else the first OSMEN_ORIGIN", () => {
    expect(decide({ OSMEN_ORIGIN: "https://studio.example.com" })).toBe(true);
    expect(decide({ BETTER_AUTH_URL: "https://studio.example.com", OSMEN_ORIGIN: "http://studio.internal" })).toBe(true);
    expect(decide({ BETTER_AUTH_URL: "http://studio.internal", OSMEN_ORIGIN: "https://studio.example.com" })).toBe(false);
  });

  it("is off for a plain-HTTP server, where a Secure cookie would never come back", () => {
    expect(decide({})).toBe(false);
    expect(decide({ OSMEN_TRUST_PROXY: "0", OSMEN_ORIGIN: "http://192.168.1.20:3000" })).toBe(false);
  });
});

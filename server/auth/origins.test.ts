import { describe, expect, it } from "vitest";
import { parseOrigins, publicOrigin, sameHostOrigins } from "./origins.ts";
import { clientIp } from "./auth-rate-limit.ts";

describe("parseOrigins", () => {
  it("normalises a comma-separated list, first one first", () => {
    expect(parseOrigins(" https://studio.example.com/ , http://10.0.0.5:3000")).toEqual(["https://studio.example.com", "http://10.0.0.5:3000"]);
    expect(parseOrigins(undefined)).toEqual([]);
  });

  it("names the entry that is not an http(s) origin", () => {
    expect(() => parseOrigins("studio.example.com")).toThrow(/"studio\.example\.com" is not a URL/);
    expect(() => parseOrigins("ftp://files.example.com")).toThrow(/must start with http/);
  });
});

describe("publicOrigin", () => {
  it("prefers the first OSMEN_ORIGIN over anything the request says", () => {
    expect(publicOrigin(["https://studio.example.com"], new Headers({ origin: "http://other.example" }))).toBe("https://studio.example.com");
  });

  it("falls back to the request's Origin, then its Host", () => {
    expect(publicOrigin([], new Headers({ origin: "http://127.0.0.1:3000" }))).toBe("http://127.0.0.1:3000");
    expect(publicOrigin([], new Headers({ host: "localhost:3000" }))).toBe("http://localhost:3000");
    expect(publicOrigin([], new Headers({ host: "internal:3000", "x-forwarded-host": "studio.example.com", "x-forwarded-proto": "https" }), true)).toBe("https://studio.example.com");
    expect(publicOrigin([], new Headers({ host: "internal:3000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" }))).toBe("http://internal:3000");
  });
});

describe("sameHostOrigins", () => {
  it("is the request's own host, over http and https", () => {
    expect(sameHostOrigins(new Headers({ host: "127.0.0.1:3000" }))).toEqual(["http://127.0.0.1:3000", "https://127.0.0.1:3000"]);
    expect(sameHostOrigins(undefined)).toEqual([]);
  });
});

describe("clientIp", () => {
  it("takes the last X-Forwarded-For hop unless a proxy is trusted", () => {
    const headers = new Headers({ "x-forwarded-for": "203.0.113.9, 10.0.0.2" });
    expect(clientIp(headers, false)).toBe("10.0.0.2");
    expect(clientIp(headers, true)).toBe("203.0.113.9");
    expect(clientIp(new Headers({ "x-forwarded-for": "::ffff:192.0.2.1" }), false)).toBe("192.0.2.1");
  });
});

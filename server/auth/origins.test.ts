import { describe, expect, it } from "vitest";
import { sameHostOrigins } from "./origins.ts";
import { clientIp } from "./auth-rate-limit.ts";

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

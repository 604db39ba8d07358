import { describe, expect, it } from "vitest";
import { resolvePublicOrigin } from "./public-origin";

const request = (url: string, headers: Record<string, string> = {}) => ({ url, headers: new Headers(headers) });
const unset = { OSMEN_TRUST_PROXY: "0", PORT: 3000 } as const;

describe("the public origin", () => {
  it("is the first OSMEN_ORIGIN entry whatever the request says", () => {
    const settings = { ...unset, OSMEN_ORIGIN: ["https://studio.example.com", "http://127.0.0.1:3000"] };
    expect(resolvePublicOrigin(settings, request("http://localhost:3000/x", { host: "evil.example" }))).toBe("https://studio.example.com");
    expect(resolvePublicOrigin(settings)).toBe("https://studio.example.com");
  });

  it("falls back to the address the browser used (its Host header), not the host the server started on", () => {
    expect(resolvePublicOrigin(unset, request("http://localhost:3000/api/oauth/google/start", { host: "127.0.0.1:3306" }))).toBe("http://127.0.0.1:3306");
    expect(resolvePublicOrigin(unset, request("http://localhost:3000/", { host: "[::1]:3000" }))).toBe("http://[::1]:3000");
    expect(resolvePublicOrigin(unset, request("http://localhost:3000/", { host: "bad/host@x" }))).toBe("http://localhost:3000");
    expect(resolvePublicOrigin(unset)).toBe("http://localhost:3000");
  });

  it("honours X-Forwarded-Proto and -Host only when OSMEN_TRUST_PROXY=1", () => {
    const behindProxy = request("http://localhost:3000/", { host: "10.0.0.5:3000", "x-forwarded-proto": "https", "x-forwarded-host": "studio.example.com, proxy.internal" });
    expect(resolvePublicOrigin(unset, behindProxy)).toBe("http://10.0.0.5:3000");
    expect(resolvePublicOrigin({ ...unset, OSMEN_TRUST_PROXY: "1" }, behindProxy)).toBe("https://studio.example.com");
    expect(resolvePublicOrigin({ ...unset, OSMEN_TRUST_PROXY: "1" }, request("http://localhost:3000/", { host: "a.example", "x-forwarded-proto": "gopher" }))).toBe(
      "http://a.example",
    );
  });
});

// Framing as the request boundary answers it: only a share link's chat page may be framed, by any site.
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { isEmbeddablePath } from "./security-headers";

let proxy: (request: NextRequest) => Response;

beforeAll(async () => {
  ({ proxy } = await import("@/proxy"));
});

const headersOf = (path: string) => proxy(new NextRequest(`http://127.0.0.1:3000${path}`, { headers: { host: "127.0.0.1:3000" } })).headers;
const frameAncestors = (headers: Headers) => /frame-ancestors ([^;]+)/.exec(headers.get("content-security-policy") ?? "")?.[1];

describe("framing", () => {
  it("lets any site frame a share link's chat page, with no X-Frame-Options to forbid it", () => {
    for (const path of ["/share/AbC_123-x/chat", "/share/AbC_123-x/chat/"]) {
      const headers = headersOf(path);
      expect(frameAncestors(headers)).toBe("*");
      expect(headers.get("x-frame-options")).toBeNull();
    }
  });

  it("keeps every other page, the share view and the chat's API included, unframeable", () => {
    for (const path of ["/", "/share/AbC_123-x", "/share/AbC_123-x/chat/more", "/flows/f1/playground", "/share/chat", "/api/trpc/shareChat.send", "/settings"]) {
      const headers = headersOf(path);
      expect(frameAncestors(headers), path).toBe("'none'");
      expect(headers.get("x-frame-options"), path).toBe("DENY");
    }
  });

  it("names the chat page only", () => {
    expect(isEmbeddablePath("/share/t/chat")).toBe(true);
    expect(isEmbeddablePath("/share//chat")).toBe(false);
    expect(isEmbeddablePath("/x/share/t/chat")).toBe(false);
  });
});

describe("the CSP nonce", () => {
  const requestCsp = (path: string) => headersOf(path).get("x-middleware-request-content-security-policy");

  it("reaches the rendering of pages, in the request's CSP header, matching the response's", () => {
    for (const path of ["/", "/flows/f1", "/share/AbC_123-x/chat"]) {
      const headers = headersOf(path);
      expect(requestCsp(path), path).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
      expect(headers.get("x-middleware-request-content-security-policy")).toBe(headers.get("content-security-policy"));
    }
  });

  it("is not written into API requests or Next.js's own files, which render no page", () => {
    for (const path of ["/api/v1/flows/f1/run", "/api/trpc/flow.get", "/api/health/live", "/_next/static/chunks/app.js"]) {
      expect(requestCsp(path), path).toBeNull();
      expect(headersOf(path).get("content-security-policy"), path).toMatch(/default-src 'self'/);
    }
  });
});

import { describe, expect, it } from "vitest";
import { checkMcpCredentialFit, decodeMcpSecret, encodeMcpSecret } from "./mcp-header";

describe("MCP credential headers", () => {
  it("sends a bare key as a Bearer token by default, and as given in a named header", () => {
    expect(decodeMcpSecret(encodeMcpSecret("  abc123  "))).toEqual({ name: "Authorization", value: "Bearer abc123" });
    expect(decodeMcpSecret(encodeMcpSecret("Basic dXNlcjpwYXNz"))).toEqual({ name: "Authorization", value: "Basic dXNlcjpwYXNz" });
    expect(decodeMcpSecret(encodeMcpSecret("abc123", "X-API-Key"))).toEqual({ name: "X-API-Key", value: "abc123" });
  });

  it("refuses a header name that is not one, an empty key and a key with a line break", () => {
    expect(() => encodeMcpSecret("abc", "X Key")).toThrow(/not a valid HTTP header name/);
    expect(() => encodeMcpSecret("   ")).toThrow(/key is empty/);
    expect(() => encodeMcpSecret("abc\r\nX-Evil: 1")).toThrow(/line break/);
  });

  it("fits an MCP credential to servers on the origin it was stored for only", () => {
    const credential = { kind: "mcp", endpoint: "https://mcp.example.com/mcp" };
    expect(checkMcpCredentialFit("https://mcp.example.com/sse", credential)).toEqual({ isFit: true });
    expect(checkMcpCredentialFit("https://mcp.example.com:8443/mcp", credential)).toMatchObject({ isFit: false, message: expect.stringContaining("may only be sent to https://mcp.example.com/mcp") });
    expect(checkMcpCredentialFit("http://mcp.example.com/mcp", credential)).toMatchObject({ isFit: false });
    expect(checkMcpCredentialFit("https://mcp.example.com/mcp", { kind: "openai", endpoint: "https://mcp.example.com/mcp" })).toMatchObject({ isFit: false, message: expect.stringContaining("not an MCP server key") });
  });
});

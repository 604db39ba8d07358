import { describe, expect, it } from "vitest";
import { isSameEndpoint, normalizeEndpoint } from "./endpoints.ts";

describe("normalizeEndpoint", () => {
  it.each([
    ["https://API.OpenAI.com/v1/", "https://api.openai.com/v1"],
    ["https://api.openai.com:443/v1", "https://api.openai.com/v1"],
    ["HTTP://Example.COM:8080/Proxy/V1//", "http://example.com:8080/Proxy/V1"],
    ["https://api.anthropic.com/", "https://api.anthropic.com"],
    ["https://user:pw@host.test/v1?x=1#frag", "https://host.test/v1"],
    ["http://2130706433:11434", "http://127.0.0.1:11434"],
    ["http://0x7f.1/v1", "http://127.0.0.1/v1"],
    ["http://[0:0:0:0:0:0:0:1]:8000/v1", "http://[::1]:8000/v1"],
  ])("%s -> %s", (input, expected) => {
    expect(normalizeEndpoint(input)).toBe(expected);
  });

  it.each(["", "not a url", "ftp://files.test/v1", "file:///etc/passwd", "api.openai.com/v1"])("refuses %j", (input) => {
    expect(normalizeEndpoint(input)).toBeNull();
  });

  it("compares spellings of one endpoint as equal and other paths, ports or schemes as different", () => {
    expect(isSameEndpoint("https://api.openai.com/v1/", "https://API.OPENAI.COM:443/v1")).toBe(true);
    expect(isSameEndpoint("https://api.openai.com/v1", "https://api.openai.com/v2")).toBe(false);
    expect(isSameEndpoint("https://api.openai.com/v1", "http://api.openai.com/v1")).toBe(false);
    expect(isSameEndpoint("https://host.test:8443/v1", "https://host.test/v1")).toBe(false);
    expect(isSameEndpoint("nonsense", "nonsense")).toBe(false);
  });
});

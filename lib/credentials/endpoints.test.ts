import { describe, expect, it } from "vitest";
import { checkCredentialFit } from "./credential-fit.ts";
import { environmentEndpoint, isSameEndpoint, normalizeEndpoint, officialEndpoints, serverEndpointOrigins } from "./endpoints.ts";

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

describe("official endpoints", () => {
  it("give way to the environment's base URL variables", () => {
    const env = { OPENAI_BASE_URL: "http://proxy.test:8080/v1/", OLLAMA_HOST: "gpu-box:11500" };
    expect(environmentEndpoint("openai", env)).toBe("http://proxy.test:8080/v1");
    expect(environmentEndpoint("anthropic", env)).toBe(officialEndpoints.anthropic);
    expect(environmentEndpoint("ollama", env)).toBe("http://gpu-box:11500");
    expect(environmentEndpoint("ollama", {})).toBe("http://127.0.0.1:11434");
    expect([...serverEndpointOrigins(env)].sort()).toEqual(["http://gpu-box:11500", "http://proxy.test:8080", "https://api.anthropic.com", "https://api.openai.com"]);
    expect([...serverEndpointOrigins({})].filter((origin) => origin.endsWith(":11434")).sort()).toEqual(["http://127.0.0.1:11434", "http://[::1]:11434", "http://localhost:11434"]);
  });
});

describe("checkCredentialFit", () => {
  it("sends an official key to the official API, with or without the Base URL spelled out", () => {
    const key = { kind: "openai", endpoint: officialEndpoints.openai };
    expect(checkCredentialFit("openai", undefined, key)).toEqual({ isFit: true, endpoint: officialEndpoints.openai });
    expect(checkCredentialFit("openai", "https://api.openai.com/v1/", key)).toEqual({ isFit: true, endpoint: officialEndpoints.openai });
    expect(checkCredentialFit("openai", "", { kind: "openai", endpoint: "" })).toEqual({ isFit: true, endpoint: officialEndpoints.openai });
  });

  it("refuses another Base URL, naming where the key may go", () => {
    const fit = checkCredentialFit("openai", "http://attacker.test/v1", { kind: "openai", endpoint: officialEndpoints.openai });
    expect(fit).toMatchObject({ isFit: false, field: "baseUrl", message: expect.stringContaining("https://api.openai.com/v1") });
  });

  it("refuses a credential of another kind", () => {
    expect(checkCredentialFit("openai", undefined, { kind: "anthropic", endpoint: officialEndpoints.anthropic })).toMatchObject({ isFit: false, field: "credentialId" });
    expect(checkCredentialFit("ollama", undefined, { kind: "openai", endpoint: officialEndpoints.openai })).toMatchObject({ isFit: false, field: "credentialId" });
    expect(checkCredentialFit("openai", undefined, { kind: "google", endpoint: "" })).toMatchObject({ isFit: false, field: "credentialId" });
  });

  it("binds a key stored with a Base URL to that URL", () => {
    const key = { kind: "openai", endpoint: "http://proxy.test:8080/v1" };
    expect(checkCredentialFit("openai", undefined, key)).toEqual({ isFit: true, endpoint: "http://proxy.test:8080/v1" });
    expect(checkCredentialFit("openai", officialEndpoints.openai, key)).toMatchObject({ isFit: false, field: "baseUrl" });
  });
});

import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { normalizeEndpoint } from "../../credentials/endpoints.ts";
import { defaultOllamaUrl } from "../ollama/ollama-client.ts";
import { checkCredentialFit } from "./credential-fit.ts";
import { environmentEndpoint, officialEndpoint, serverEndpointOrigins } from "./endpoints.ts";

const officialEndpoints = { ollama: officialEndpoint("ollama")!, openai: officialEndpoint("openai")!, anthropic: officialEndpoint("anthropic")! };

describe("official endpoints", () => {
  it("are the SDKs' own defaults", () => {
    expect(normalizeEndpoint(new OpenAI({ apiKey: "sk-test" }).baseURL)).toBe(officialEndpoints.openai);
    expect(normalizeEndpoint(new Anthropic({ apiKey: "sk-ant-test" }).baseURL)).toBe(officialEndpoints.anthropic);
    expect(defaultOllamaUrl).toBe(officialEndpoints.ollama);
  });

  it("give way to the environment's base URL variables", () => {
    const env = { OPENAI_BASE_URL: "http://proxy.test:8080/v1/", OLLAMA_HOST: "gpu-box:11500" };
    expect(environmentEndpoint("openai", env)).toBe("http://proxy.test:8080/v1");
    expect(environmentEndpoint("anthropic", env)).toBe(officialEndpoints.anthropic);
    expect(environmentEndpoint("ollama", env)).toBe("http://gpu-box:11500");
    expect(environmentEndpoint("ollama", {})).toBe("http://127.0.0.1:11434");
    expect([...serverEndpointOrigins(env)].sort()).toEqual(["http://gpu-box:11500", "http://proxy.test:8080", "https://api.anthropic.com", "https://api.openai.com"]);
    expect([...serverEndpointOrigins({})].filter((origin) => origin.endsWith(":11434")).sort()).toEqual(["http://127.0.0.1:11434", "http://[::1]:11434", "http://localhost:11434"]);
  });

  it("are none for an OpenAI-compatible server, whose environment endpoint is trusted as OLLAMA_HOST is", () => {
    expect(officialEndpoint("openai-compatible")).toBeNull();
    expect(environmentEndpoint("openai-compatible", {})).toBeNull();
    expect(serverEndpointOrigins({}).size).toBe(serverEndpointOrigins({ OPENAI_COMPATIBLE_API_KEY: "k" }).size);
    const env = { OPENAI_COMPATIBLE_BASE_URL: "http://127.0.0.1:1234/v1/" };
    expect(environmentEndpoint("openai-compatible", env)).toBe("http://127.0.0.1:1234/v1");
    expect(serverEndpointOrigins(env)).toContain("http://127.0.0.1:1234");
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

  it("binds an OpenAI-compatible key to the server it was stored for, and never to none", () => {
    const key = { kind: "openai-compatible", endpoint: "http://127.0.0.1:1234/v1" };
    expect(checkCredentialFit("openai-compatible", undefined, key)).toEqual({ isFit: true, endpoint: "http://127.0.0.1:1234/v1" });
    expect(checkCredentialFit("openai-compatible", "http://127.0.0.1:8000/v1", key)).toMatchObject({ isFit: false, field: "baseUrl" });
    expect(checkCredentialFit("openai-compatible", undefined, { kind: "openai-compatible", endpoint: "" })).toMatchObject({ isFit: false, field: "credentialId" });
    expect(checkCredentialFit("openai", undefined, key)).toMatchObject({ isFit: false, message: expect.stringContaining("OpenAI-compatible key") });
  });

  it("binds a key stored with a Base URL to that URL", () => {
    const key = { kind: "openai", endpoint: "http://proxy.test:8080/v1" };
    expect(checkCredentialFit("openai", undefined, key)).toEqual({ isFit: true, endpoint: "http://proxy.test:8080/v1" });
    expect(checkCredentialFit("openai", officialEndpoints.openai, key)).toMatchObject({ isFit: false, field: "baseUrl" });
  });
});

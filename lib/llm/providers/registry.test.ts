// The registry is the one description of each provider: the router, the names and the listings read it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOpenAIServer } from "@/testing/servers/openai";
import { environmentFor, rejectionOf, startHarness, type Harness } from "@/testing/llm-harness";
import type { ScriptedServer } from "@/testing/servers/scripted-server";
import { ProviderRouter } from "../router/provider-router.ts";
import { defaultModels, llmConfigSchema, providerNames } from "../types.ts";
import { keyedProviderNames, providerDescriptor, providerDescriptors } from "./index.ts";
import { providerRuntimes } from "./runtimes.ts";

describe("the provider registry", () => {
  it("lists four providers, local first, each with a runtime, and is where names and defaults come from", () => {
    expect(providerNames).toEqual(["ollama", "openai", "anthropic", "openai-compatible"]);
    expect(new ProviderRouter({ env: {} }).names).toEqual([...providerNames]);
    for (const { name, defaultModel } of providerDescriptors) {
      expect(providerRuntimes[name].adapter.name).toBe(name);
      expect(defaultModels[name]).toBe(defaultModel);
      expect(llmConfigSchema.parse({ provider: name }).provider).toBe(name);
    }
    expect(keyedProviderNames).toEqual(["openai", "anthropic", "openai-compatible"]);
    expect(providerDescriptor("google")).toBeUndefined();
  });

  it("describes the OpenAI-compatible provider with its own variables and no official endpoint", () => {
    expect(providerDescriptor("openai-compatible")).toMatchObject({
      title: "OpenAI-compatible",
      endpoint: { baseUrlVariable: "OPENAI_COMPATIBLE_BASE_URL", apiKeyVariable: "OPENAI_COMPATIBLE_API_KEY", modelVariable: "OPENAI_COMPATIBLE_MODEL", official: null },
      credential: { label: "OpenAI-compatible API key" },
    });
  });
});

describe.each(providerNames)("%s: listModels", (name) => {
  let harness: Harness;
  beforeAll(async () => void (harness = await startHarness(name)));
  afterAll(() => harness.server.close());

  it("lists the endpoint's models through the SDK", async () => {
    const router = new ProviderRouter({ env: environmentFor(name, harness.server) });
    const models = await router.listModels(name);
    expect(models).toContain(name === "ollama" ? "llama3.2:latest" : name === "anthropic" ? "claude-sonnet-5-5" : "gpt-4o-mini");
    const listing = harness.server.requests.at(-1)!;
    expect(listing).toMatchObject({ method: "GET", path: name === "ollama" ? "/api/tags" : "/v1/models" });
  });
});

describe("the OpenAI-compatible provider", () => {
  let server: ScriptedServer;
  let keyed: ScriptedServer;
  beforeAll(async () => void ([server, keyed] = await Promise.all([startOpenAIServer(), startOpenAIServer({ apiKey: "sk-local-1234" })])));
  afterAll(() => Promise.all([server.close(), keyed.close()]));

  it("takes its endpoint, key and model from its own variables, and sends a key only when there is one", async () => {
    const env = { OPENAI_COMPATIBLE_BASE_URL: keyed.url, OPENAI_COMPATIBLE_API_KEY: "sk-local-1234", OPENAI_COMPATIBLE_MODEL: "qwen3-8b", OPENAI_API_KEY: "sk-openai-not-this" };
    const llm = await new ProviderRouter({ env }).getProvider("openai-compatible");
    expect(llm.config).toMatchObject({ provider: "openai-compatible", baseUrl: keyed.url, apiKey: "sk-local-1234", model: "qwen3-8b" });
    expect((await llm.chat([{ role: "user", content: "hi" }])).content).toBe("Hello from the local OpenAI test server.");
    expect(keyed.requests[0]!.headers.authorization).toBe("Bearer sk-local-1234");

    const keyless = await new ProviderRouter({ env: { OPENAI_COMPATIBLE_BASE_URL: server.url, OPENAI_API_KEY: "sk-openai-not-this" } }).getProvider("openai-compatible");
    await keyless.chat([{ role: "system", content: "Be brief." }, { role: "user", content: "hi" }]);
    const request = server.requests.at(-1)!;
    expect(request.headers.authorization).toBeUndefined();
    // Plain chat semantics: no OpenAI reasoning-family rewrites, whatever the model is called.
    expect(request.body.messages[0]).toMatchObject({ role: "system" });
  });

  it("is available when its server answers, and comes after the built-in ones in the fallback order", async () => {
    const router = new ProviderRouter({ env: { OLLAMA_HOST: "http://127.0.0.1:9", OPENAI_COMPATIBLE_BASE_URL: server.url } });
    expect(await router.initialize()).toEqual(["openai-compatible"]);
    expect((await router.getProvider()).name).toBe("openai-compatible");
    expect(await new ProviderRouter({ env: { OLLAMA_HOST: "http://127.0.0.1:9" } }).initialize()).toEqual([]);
  });

  it("needs a Base URL, and says which variable sets it", async () => {
    const router = new ProviderRouter({ env: {} });
    const error = await rejectionOf((await router.getProvider("openai-compatible", { retryAttempts: 0 })).chat([{ role: "user", content: "hi" }]));
    expect(error).toMatchObject({ kind: "bad_request", provider: "openai-compatible" });
    expect(error.message).toContain("OPENAI_COMPATIBLE_BASE_URL");
    await expect(router.listModels("openai-compatible")).rejects.toMatchObject({ kind: "bad_request", message: expect.stringContaining("OPENAI_COMPATIBLE_BASE_URL") });
  });
});

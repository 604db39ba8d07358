// Listing a provider's models for the model node: through the real provider layer and SDK, with the caller's own
// key sent only to the endpoint it was stored for, and the address guard on a Base URL the server did not set.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProviderRouter } from "@/lib/llm";
import { createVault } from "@/lib/secrets";
import { testDatabases } from "@/testing/databases";
import { startAnthropicServer } from "@/testing/servers/anthropic";
import { startOllamaServer } from "@/testing/servers/ollama";
import { startOpenAIServer } from "@/testing/servers/openai";
import type { ScriptedServer } from "@/testing/servers/scripted-server";
import { localTestCaller as me } from "@/testing/trpc-caller";
import { createCredentialService, type CredentialService } from "./credential-service.ts";
import { createProviderModelService } from "./provider-model-service.ts";

const STORED_KEY = "sk-local-listing-key-77e0";

describe.each(testDatabases())("provider models on $provider", ({ create }) => {
  let database: Awaited<ReturnType<typeof create>>;
  let configured: ScriptedServer;
  let keyed: ScriptedServer;
  let credentials: CredentialService;

  const serviceWith = (env: Record<string, string>, clock?: { now: number }) => {
    const router = new ProviderRouter({ env });
    const now = clock && (() => clock.now);
    return createProviderModelService(credentials, { env, now, listModels: (provider, overrides) => router.listModels(provider, overrides) });
  };

  beforeAll(async () => {
    [configured, keyed] = await Promise.all([startOpenAIServer(), startOpenAIServer({ apiKey: STORED_KEY })]);
    database = await create();
    const vault = createVault(randomBytes(32));
    credentials = createCredentialService(database, () => vault);
  });
  afterAll(async () => {
    await Promise.all([configured?.close(), keyed?.close()]);
    await database?.drop();
  });

  it("lists the models of the server's own endpoint", async () => {
    expect(await serviceWith({ OPENAI_COMPATIBLE_BASE_URL: configured.url }).list(me, { provider: "openai-compatible" })).toEqual(["gpt-4o-mini"]);
    expect(configured.requests.at(-1)).toMatchObject({ method: "GET", path: "/v1/models" });
  });

  it("sends the caller's stored key only to its endpoint, and refuses it for another Base URL", async () => {
    const credential = await credentials.create(me, { name: "Box", kind: "openai-compatible", secret: STORED_KEY, baseUrl: keyed.url });
    const service = serviceWith({ OSMEN_HTTP_ALLOWLIST: "127.0.0.1" });
    expect(await service.list(me, { provider: "openai-compatible", credentialId: credential.id })).toEqual(["gpt-4o-mini"]);
    expect(keyed.requests.at(-1)!.headers.authorization).toBe(`Bearer ${STORED_KEY}`);

    const requestsBefore = configured.requests.length;
    await expect(service.list(me, { provider: "openai-compatible", credentialId: credential.id, baseUrl: configured.url })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(service.list(me, { provider: "openai", credentialId: credential.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(service.list({ userId: "someone-else" }, { provider: "openai-compatible", credentialId: credential.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(configured.requests).toHaveLength(requestsBefore);
  });

  it("refuses a loopback Base URL the server did not configure, without reaching it", async () => {
    const requestsBefore = configured.requests.length;
    await expect(serviceWith({}).list(me, { provider: "openai-compatible", baseUrl: configured.url })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(configured.requests).toHaveLength(requestsBefore);
    expect(await serviceWith({ OSMEN_HTTP_ALLOWLIST: "127.0.0.1" }).list(me, { provider: "openai-compatible", baseUrl: configured.url })).toEqual(["gpt-4o-mini"]);
  });

  it("keeps a listing for a minute per person, provider and endpoint, and keeps no failure", async () => {
    const clock = { now: 1_000_000 };
    const service = serviceWith({ OPENAI_COMPATIBLE_BASE_URL: configured.url, OSMEN_HTTP_ALLOWLIST: "127.0.0.1" }, clock);
    const listings = () => configured.requests.filter((request) => request.path === "/v1/models").length;
    const before = listings();
    await service.list(me, { provider: "openai-compatible" });
    clock.now += 59_000;
    expect(await service.list(me, { provider: "openai-compatible" })).toEqual(["gpt-4o-mini"]);
    expect(listings()).toBe(before + 1);

    await service.list({ userId: "another-person" }, { provider: "openai-compatible" });
    expect(listings()).toBe(before + 2);

    clock.now += 1_000;
    await service.list(me, { provider: "openai-compatible" });
    expect(listings()).toBe(before + 3);

    // The keyed server refuses a listing without its key: the failure is asked again, not remembered.
    await expect(service.list(me, { provider: "openai-compatible", baseUrl: keyed.url })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const keyedBefore = keyed.requests.length;
    await expect(service.list(me, { provider: "openai-compatible", baseUrl: keyed.url })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(keyed.requests.length).toBe(keyedBefore + 1);
  });

  it("lists an Ollama server's tags and Anthropic's models through their own SDKs", async () => {
    const [ollama, anthropic] = await Promise.all([startOllamaServer({ models: ["llama3.2", "qwen2.5:7b"] }), startAnthropicServer({ apiKey: "sk-ant-listing-1" })]);
    try {
      const service = serviceWith({ OLLAMA_HOST: ollama.url, ANTHROPIC_BASE_URL: anthropic.url, ANTHROPIC_API_KEY: "sk-ant-listing-1" });
      expect(await service.list(me, { provider: "ollama" })).toEqual(["llama3.2:latest", "qwen2.5:7b"]);
      expect(ollama.requests.at(-1)).toMatchObject({ method: "GET", path: "/api/tags" });
      expect(await service.list(me, { provider: "anthropic" })).toEqual(["claude-sonnet-5-5", "claude-haiku-4-5"]);
      expect(anthropic.requests.at(-1)).toMatchObject({ method: "GET", path: "/v1/models" });
    } finally {
      await Promise.all([ollama.close(), anthropic.close()]);
    }
  });

  it("checks where the server's own endpoint redirects: another local port is refused, the same origin is followed", async () => {
    const internal = await startOllamaServer({ models: ["internal-only"] });
    const away = await startOllamaServer({ redirects: { "/api/tags": `http://127.0.0.1:${internal.port}/api/tags` } });
    const moved = await startOllamaServer({ models: ["llama3.2"], basePath: "/ollama", redirects: { "/api/tags": "/ollama/api/tags" } });
    try {
      await expect(serviceWith({ OLLAMA_HOST: away.origin }).list(me, { provider: "ollama" })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringContaining(`redirected there by ${away.origin}`),
      });
      expect(internal.requests).toEqual([]);
      expect(await serviceWith({ OLLAMA_HOST: moved.origin }).list(me, { provider: "ollama" })).toEqual(["llama3.2:latest"]);
      expect(moved.requests.map((request) => request.path)).toEqual(["/api/tags", "/ollama/api/tags"]);
    } finally {
      await Promise.all([internal.close(), away.close(), moved.close()]);
    }
  });
});

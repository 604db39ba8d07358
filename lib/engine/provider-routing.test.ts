// Which key goes where, through the real provider layer and OpenAI's SDK to local servers that record headers.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ModelConfig } from "@/lib/flow/handles";
import { ProviderRouter } from "@/lib/llm";
import { startAnthropicServer } from "@/testing/servers/anthropic";
import { startOllamaServer } from "@/testing/servers/ollama";
import { startOpenAIServer } from "@/testing/servers/openai";
import type { ScriptedServer } from "@/testing/servers/scripted-server";
import { createProviderResolver, type ResolvedCredential } from "./providers";

let environmentServer: ScriptedServer;
let nodeServer: ScriptedServer;

beforeAll(async () => {
  environmentServer = await startOpenAIServer();
  nodeServer = await startOpenAIServer();
});
afterEach(() => {
  environmentServer.reset();
  nodeServer.reset();
});
afterAll(async () => {
  await environmentServer?.close();
  await nodeServer?.close();
});

const signal = new AbortController().signal;
const authorizations = (server: ScriptedServer) => server.requests.map((request) => request.headers.authorization ?? "(none)");

function resolverFor(env: Record<string, string>, credential?: ResolvedCredential) {
  const router = new ProviderRouter({ env });
  return createProviderResolver({
    env,
    createProvider: (name, overrides) => router.getProvider(name, overrides),
    resolveCredential: credential && (async () => credential),
  });
}

async function ask(env: Record<string, string>, model: ModelConfig, credential?: ResolvedCredential) {
  const provider = await resolverFor(env, credential)(model, { signal, nodeId: "model" });
  return provider.chat([{ role: "user", content: "hi" }], { retryAttempts: 0 });
}

describe("environment keys", () => {
  it("go to the endpoint the environment names", async () => {
    const env = { OPENAI_BASE_URL: environmentServer.url, OPENAI_API_KEY: "sk-env-1234" };
    await ask(env, { provider: "openai" });
    await ask(env, { provider: "openai", baseUrl: `${environmentServer.url}/` });
    expect(authorizations(environmentServer)).toEqual(["Bearer sk-env-1234", "Bearer sk-env-1234"]);
  });

  it("are not sent to a Base URL typed on a node, which gets no key at all", async () => {
    const env = { OPENAI_BASE_URL: environmentServer.url, OPENAI_API_KEY: "sk-env-1234", OSMEN_HTTP_ALLOWLIST: "127.0.0.1" };
    await expect(ask(env, { provider: "openai", baseUrl: nodeServer.url })).rejects.toThrow(/needs a key of its own/);
    expect(nodeServer.requests).toEqual([]);
    expect(environmentServer.requests).toEqual([]);
  });
});

describe("stored credentials", () => {
  const env = { OPENAI_API_KEY: "sk-env-1234", OSMEN_HTTP_ALLOWLIST: "127.0.0.1" };

  it("reach the endpoint they were stored for, named or implied by the node", async () => {
    const credential = { kind: "openai", endpoint: nodeServer.url, secret: "sk-stored-5678" };
    await ask(env, { provider: "openai", credentialId: "c1" }, credential);
    await ask(env, { provider: "openai", credentialId: "c1", baseUrl: `${nodeServer.url}/` }, credential);
    expect(authorizations(nodeServer)).toEqual(["Bearer sk-stored-5678", "Bearer sk-stored-5678"]);
  });

  it("are refused with another Base URL, and that server sees nothing", async () => {
    const credential = { kind: "openai", endpoint: environmentServer.url, secret: "sk-stored-5678" };
    await expect(ask(env, { provider: "openai", credentialId: "c1", baseUrl: nodeServer.url }, credential)).rejects.toMatchObject({
      name: "EngineError",
      code: "credential_mismatch",
      message: expect.stringContaining(`may only be sent to ${environmentServer.url}`),
    });
    expect(nodeServer.requests).toEqual([]);
    expect(environmentServer.requests).toEqual([]);
  });

  it("reach an Anthropic endpoint they were stored for, streamed through the guard, and nothing else", async () => {
    const anthropic = await startAnthropicServer({ apiKey: "sk-ant-stored-5678" });
    try {
      const credential = { kind: "anthropic", endpoint: anthropic.url, secret: "sk-ant-stored-5678" };
      const provider = await resolverFor({ ANTHROPIC_API_KEY: "sk-ant-env-1234", OSMEN_HTTP_ALLOWLIST: "127.0.0.1" }, credential)(
        { provider: "anthropic", credentialId: "c2" },
        { signal, nodeId: "model" },
      );
      let text = "";
      for await (const chunk of provider.stream([{ role: "user", content: "hi" }], { retryAttempts: 0 })) if (chunk.type === "text") text += chunk.delta;
      expect(text.length).toBeGreaterThan(0);
      expect(JSON.stringify(anthropic.requests.map((request) => request.headers))).not.toContain("sk-ant-env-1234");
      expect(anthropic.requests).toHaveLength(1);
    } finally {
      await anthropic.close();
    }
  });

  it("are refused on a model of another provider", async () => {
    const credential = { kind: "anthropic", endpoint: "https://api.anthropic.com", secret: "sk-ant-5678" };
    await expect(ask(env, { provider: "openai", credentialId: "c1", baseUrl: nodeServer.url }, credential)).rejects.toMatchObject({ code: "credential_mismatch" });
    expect(nodeServer.requests).toEqual([]);
  });
});

describe("the address guard on a node's Base URL", () => {
  it("refuses loopback unless the host is the server's endpoint or allowlisted, before any request", async () => {
    const credential = { kind: "openai", endpoint: nodeServer.url, secret: "sk-stored-5678" };
    const refusal = ask({}, { provider: "openai", credentialId: "c1" }, credential);
    await expect(refusal).rejects.toMatchObject({ kind: "bad_request", message: expect.stringMatching(/Base URL .* is refused .*loopback.*OSMEN_HTTP_ALLOWLIST/) });
    expect(nodeServer.requests).toEqual([]);
  });

  it("streams through the guard from an allowlisted Ollama server, and refuses it otherwise", async () => {
    const ollama = await startOllamaServer();
    try {
      const stream = async (env: Record<string, string>) => {
        const provider = await resolverFor(env)({ provider: "ollama", baseUrl: ollama.url }, { signal, nodeId: "model" });
        let text = "";
        for await (const chunk of provider.stream([{ role: "user", content: "hi" }], { retryAttempts: 0 })) if (chunk.type === "text") text += chunk.delta;
        return text;
      };
      expect((await stream({ OSMEN_HTTP_ALLOWLIST: "127.0.0.1" })).length).toBeGreaterThan(0);
      expect(ollama.requests).toHaveLength(1);
      await expect(stream({})).rejects.toThrow(/loopback/);
      expect(ollama.requests).toHaveLength(1);
    } finally {
      await ollama.close();
    }
  });

  it("lets the server's own endpoint through without an allowlist", async () => {
    const env = { OPENAI_BASE_URL: nodeServer.url, OPENAI_API_KEY: "sk-env-1234" };
    await ask(env, { provider: "openai", baseUrl: nodeServer.url });
    expect(authorizations(nodeServer)).toEqual(["Bearer sk-env-1234"]);
  });
});

describe("redirects from the server's own endpoints", () => {
  // What the redirect must not reach: another service on this machine.
  let internal: ScriptedServer;
  beforeAll(async () => {
    internal = await startOllamaServer();
  });
  afterEach(() => internal.reset());
  afterAll(async () => internal?.close());

  /** Chats through an Ollama server configured as the server's OLLAMA_HOST, with the node's own model settings. */
  async function chatVia(front: ScriptedServer, model: ModelConfig) {
    const provider = await resolverFor({ OLLAMA_HOST: front.origin })(model, { signal, nodeId: "model" });
    return provider.chat([{ role: "user", content: "hi" }], { retryAttempts: 0 });
  }

  it.each([
    ["127.0.0.1", "no Base URL"],
    ["[::1]", "no Base URL"],
    ["127.0.0.1", "OLLAMA_HOST as its Base URL"],
  ])("are checked: a configured Ollama server's redirect to another port on %s is refused, and that port sees nothing (node with %s)", async (host, nodeSetting) => {
    const front = await startOllamaServer({ redirects: { "/api/chat": `http://${host}:${internal.port}/api/chat` } });
    try {
      const model: ModelConfig = nodeSetting === "no Base URL" ? { provider: "ollama" } : { provider: "ollama", baseUrl: front.origin };
      await expect(chatVia(front, model)).rejects.toMatchObject({
        kind: "bad_request",
        cause: { name: "HttpToolError", code: "blocked_url" },
        message: expect.stringContaining(`loopback address; a model's Base URL (redirected there by ${front.origin}) only reaches public addresses`),
      });
      expect(front.requests.map((request) => request.path)).toEqual(["/api/chat"]);
      expect(internal.requests).toEqual([]);
    } finally {
      await front.close();
    }
  });

  it("are followed within the configured origin", async () => {
    const front = await startOllamaServer({ basePath: "/ollama", redirects: { "/api/chat": "/ollama/api/chat" } });
    try {
      const reply = await chatVia(front, { provider: "ollama" });
      expect(reply.content).toBe("Hello from the local Ollama test server.");
      expect(front.requests.map((request) => request.path)).toEqual(["/api/chat", "/ollama/api/chat"]);
    } finally {
      await front.close();
    }
  });
});

describe("provider errors", () => {
  const leaked = "internal-admin-panel: database password is hunter2";

  it("name the provider and status but not the answer of a node's Base URL", async () => {
    nodeServer.enqueue({ error: { status: 400, message: leaked } });
    const credential = { kind: "openai", endpoint: nodeServer.url, secret: "sk-stored-5678" };
    const refusal = ask({ OSMEN_HTTP_ALLOWLIST: "127.0.0.1" }, { provider: "openai", credentialId: "c1" }, credential);
    const error: unknown = await refusal.then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    const { message } = error as Error;
    expect(message).toMatch(/OpenAI/);
    expect(message).toMatch(/HTTP 400/);
    expect(message).not.toContain("hunter2");
    expect(nodeServer.requests).toHaveLength(1);
  });

  it("keep the detail of the server's own endpoint", async () => {
    environmentServer.enqueue({ error: { status: 400, message: "model gpt-9 does not exist" } });
    const env = { OPENAI_BASE_URL: environmentServer.url, OPENAI_API_KEY: "sk-env-1234" };
    await expect(ask(env, { provider: "openai" })).rejects.toThrow(/HTTP 400.*model gpt-9 does not exist/);
  });
});

import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOllamaServer } from "@/testing/servers/ollama.ts";
import type { ScriptedServer } from "@/testing/servers/scripted-server.ts";
import { createProvider } from "../core/create-provider.ts";
import { LLMError } from "../errors.ts";
import { rejectionOf, testKeys } from "@/testing/llm-harness.ts";
import { ProviderRouter } from "./provider-router.ts";

/** A port with nothing listening on it: Ollama "down". */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

describe("ProviderRouter", () => {
  let ollama: ScriptedServer;
  let downUrl: string;
  beforeAll(async () => {
    ollama = await startOllamaServer();
    downUrl = await closedPortUrl();
  });
  afterAll(() => ollama.close());

  it("picks Ollama first when it is reachable, even with cloud keys set", async () => {
    const router = new ProviderRouter({ env: { OLLAMA_HOST: ollama.url, OPENAI_API_KEY: testKeys.openai } });
    expect(await router.initialize()).toEqual(["ollama", "openai"]);
    const llm = await router.getProvider();
    expect(llm.name).toBe("ollama");
    expect((await llm.chat([{ role: "user", content: "hi" }])).provider).toBe("ollama");
  });

  it("falls back to OpenAI, then Anthropic, when Ollama is down", async () => {
    const withOpenAI = new ProviderRouter({ env: { OLLAMA_HOST: downUrl, OPENAI_API_KEY: "k1", ANTHROPIC_API_KEY: "k2" } });
    expect((await withOpenAI.getProvider()).name).toBe("openai");
    const withAnthropic = new ProviderRouter({ env: { OLLAMA_HOST: downUrl, ANTHROPIC_API_KEY: "k2" } });
    expect((await withAnthropic.getProvider()).name).toBe("anthropic");
  });

  it("reads the environment on every call, so a provider coming up is noticed", async () => {
    const env: Record<string, string | undefined> = { OLLAMA_HOST: downUrl };
    const router = new ProviderRouter({ env });
    await expect(router.getProvider()).rejects.toBeInstanceOf(LLMError);
    env.OPENAI_API_KEY = "k1";
    expect((await router.getProvider()).name).toBe("openai");
    env.OLLAMA_HOST = ollama.url;
    expect((await router.getProvider()).name).toBe("ollama");
  });

  it("fails with one message that says how to set up each provider", async () => {
    const error = await rejectionOf(new ProviderRouter({ env: { OLLAMA_HOST: downUrl } }).getProvider());
    expect(error).toMatchObject({ kind: "unavailable" });
    expect(error.message).toContain("ollama serve");
    expect(error.message).toContain("OPENAI_API_KEY");
    expect(error.message).toContain("ANTHROPIC_API_KEY");
  });

  it("builds a named provider without probing, and says how to start Ollama when it is down", async () => {
    const router = new ProviderRouter({ env: { OLLAMA_HOST: downUrl } });
    const llm = await router.getProvider("ollama", { retryAttempts: 1, retryDelayMs: 1 });
    const error = await rejectionOf(llm.chat([{ role: "user", content: "hi" }]));
    // Refused: nothing listens there, so the hint comes at once instead of after the retries.
    expect(error).toMatchObject({ kind: "unavailable", provider: "ollama", attempts: 1, retryable: false });
    expect(error.message).toContain(`Ollama is not reachable at ${downUrl}: start it with \`ollama serve\``);
  });

  it("applies overrides over the environment and validates them", async () => {
    const router = new ProviderRouter({ env: { OPENAI_API_KEY: "k1", OPENAI_BASE_URL: "http://127.0.0.1:9/v1" } });
    const llm = await router.getProvider("openai", { model: "gpt-test", temperature: 0.1 });
    expect(llm.config).toMatchObject({ provider: "openai", model: "gpt-test", temperature: 0.1, apiKey: "k1", maxTokens: 4096 });
    expect(llm.config.rateLimitRpm).toBeUndefined(); // no client-side budget unless the flow sets one
    expect(router.configFor("ollama").model).toBe("llama3.2");
    await expect(router.getProvider("openai", { temperature: 5 })).rejects.toMatchObject({ kind: "bad_request" });
    await expect(router.getProvider("nope" as "openai")).rejects.toThrow(/Unknown LLM provider "nope"/);
  });

  it("register() adds a provider in one place, after the built-in ones in the fallback order", async () => {
    const router = new ProviderRouter({ env: { OLLAMA_HOST: downUrl } });
    router.register("echo", {
      defaultModel: "echo-1",
      fromEnvironment: () => ({}),
      isAvailable: async () => true,
      setupHint: "Echo: always there",
      create: (config) =>
        createProvider(
          {
            name: "echo",
            describe: (settings) => ({ label: "Echo", baseUrl: "memory:", model: settings.model, unreachableHint: "never" }),
            complete: async (request) => ({ content: request.messages.at(-1)!.content, toolCalls: [], finishReason: "stop", usage: { inputTokens: 1, outputTokens: 1 }, model: request.config.model }),
            stream: async () => ({ source: (async function* () {})(), translate: () => undefined, end: () => undefined, toFailure: (error) => error }),
          },
          config,
        ),
    });
    const llm = await router.getProvider();
    expect(llm.name).toBe("echo");
    expect((await llm.generate("ping")).content).toBe("ping");
  });
});

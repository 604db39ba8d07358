import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startOpenAIServer } from "@/testing/servers/openai.ts";
import type { ScriptedServer } from "@/testing/servers/scripted-server.ts";
import { ProviderRouter } from "../router/provider-router.ts";
import { createMemoryRateLimitStore, rateLimitKey, setRateLimitStore, type RateLimitStore } from "./rate-limit-registry.ts";

describe("rate-limit registry", () => {
  let server: ScriptedServer;
  let previous: RateLimitStore | undefined;
  beforeAll(async () => void (server = await startOpenAIServer()));
  afterAll(() => server.close());
  afterEach(() => previous && setRateLimitStore(previous));

  it("gives every provider object for one provider, endpoint and key the same budget", () => {
    const store = createMemoryRateLimitStore();
    const key = rateLimitKey("openai", { baseUrl: server.url, apiKey: "sk-one" });
    expect(store.budgetFor(key)).toBe(store.budgetFor(rateLimitKey("openai", { baseUrl: server.url, apiKey: "sk-one" })));
    expect(store.budgetFor(key)).not.toBe(store.budgetFor(rateLimitKey("openai", { baseUrl: server.url, apiKey: "sk-two" })));
    expect(key).not.toContain("sk-one");
  });

  it("makes runs that each build their own provider draw from one shared budget", async () => {
    const memory = createMemoryRateLimitStore();
    const asked: string[] = [];
    previous = setRateLimitStore({ budgetFor: (key) => (asked.push(key), memory.budgetFor(key)) });
    const env = { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: "sk-shared" };
    // Ten concurrent runs used to mean ten providers and ten budgets; three stand in for them here.
    const runs = await Promise.all([1, 2, 3].map(() => new ProviderRouter({ env }).getProvider("openai", { rateLimitRpm: 3 })));
    await Promise.all(runs.map((llm) => llm.chat([{ role: "user", content: "hi" }])));
    const other = await new ProviderRouter({ env: { ...env, OPENAI_API_KEY: "sk-other" } }).getProvider("openai");
    await other.chat([{ role: "user", content: "hi" }]);
    expect(new Set(asked.slice(0, 3)).size).toBe(1);
    expect(asked[3]).not.toBe(asked[0]);
    // The shared budget saw all three requests: a fourth on that key has to wait for the window (a caller that
    // will not wait gives up), while the other key's budget still has room.
    const limits = { requestsPerMinute: 3, tokensPerMinute: 1_000_000 };
    const impatient = AbortSignal.abort();
    await expect(memory.budgetFor(asked[0]!).acquire(1, limits, impatient, "openai")).rejects.toMatchObject({ kind: "aborted" });
    await expect(memory.budgetFor(asked[3]!).acquire(1, limits, impatient, "openai")).resolves.toMatchObject({ tokens: 1 });
  });
});

describe("rate-limit key", () => {
  it("writes out an endpoint's origin and path only: user info and query join the fingerprint", () => {
    const key = rateLimitKey("openai", { baseUrl: "https://proxy.example.com/v1?token=s3cret-query", apiKey: "sk-one" });
    expect(key).toMatch(/^openai\|https:\/\/proxy\.example\.com\/v1\|[0-9a-f]{16}$/);
    expect(key).not.toContain("s3cret");
    expect(key).not.toBe(rateLimitKey("openai", { baseUrl: "https://proxy.example.com/v1?token=other", apiKey: "sk-one" }));
    expect(rateLimitKey("ollama", { baseUrl: "http://127.0.0.1:11434" })).toBe("ollama|http://127.0.0.1:11434/|none");
  });
});

// Provider budgets on real Redis, two connections standing in for two worker processes.
import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { rateLimitKey, setRateLimitStore, type RateLimitStore } from "@/lib/llm/core/rate-limit-registry";
import { ProviderRouter } from "@/lib/llm/router/provider-router";
import { closedPortUrl } from "@/testing/closed-port";
import { startOpenAIServer } from "@/testing/servers/openai";
import type { ScriptedServer } from "@/testing/servers/scripted-server";
import { createRedisRateLimitStore, installRedisProviderBudgets } from "./provider-budgets";
import { connectRedis } from "./redis";

// Database 1 belongs to this file; nothing else writes there while it runs.
const REDIS_URL = "redis://127.0.0.1:6379/1";
const endpoint = "http://127.0.0.1:9/v1";
const keyOf = (apiKey: string) => rateLimitKey("openai", { baseUrl: endpoint, apiKey });
const impatient = () => AbortSignal.abort();

describe("provider budgets on Redis", () => {
  let first: Redis;
  let second: Redis;
  beforeAll(() => {
    first = connectRedis(REDIS_URL, "commands");
    second = connectRedis(REDIS_URL, "commands");
  });
  beforeEach(async () => void (await first.flushdb()));
  afterAll(async () => {
    await first.quit();
    await second.quit();
  });

  it("makes two workers draw from one budget: a call over it waits for the window, one that will not wait gives up", async () => {
    const key = keyOf("sk-shared-budget");
    const workerA = createRedisRateLimitStore(first, { windowSeconds: 2 }).budgetFor(key);
    const workerB = createRedisRateLimitStore(second, { windowSeconds: 2 }).budgetFor(key);
    const limits = { requestsPerMinute: 2 };
    await workerA.acquire(1, limits, undefined, "openai");
    await workerB.acquire(1, limits, undefined, "openai");

    await expect(workerB.acquire(1, limits, impatient(), "openai")).rejects.toMatchObject({ kind: "aborted", provider: "openai" });
    const controller = new AbortController();
    const held = workerB.acquire(1, limits, controller.signal, "openai");
    let isPatientStarted = false;
    const patient = workerA.acquire(1, limits, undefined, "openai").then(() => (isPatientStarted = true));
    await first.ping();
    await second.ping();
    controller.abort();
    await expect(held).rejects.toMatchObject({ kind: "aborted" });
    expect(isPatientStarted).toBe(false);

    await patient;
    // It got in once the window had freed: the count started over, and neither refusal spent anything.
    expect(await first.get(`osmen:llm-requests:${key}`)).toBe("1");
  });

  it("keeps a separate budget for each credential", async () => {
    const limits = { requestsPerMinute: 1 };
    const storeA = createRedisRateLimitStore(first);
    const storeB = createRedisRateLimitStore(second);
    await storeA.budgetFor(keyOf("sk-credential-one")).acquire(1, limits, undefined);
    await expect(storeB.budgetFor(keyOf("sk-credential-one")).acquire(1, limits, impatient())).rejects.toMatchObject({ kind: "aborted" });
    await expect(storeB.budgetFor(keyOf("sk-credential-two")).acquire(1, limits, impatient())).resolves.toMatchObject({ tokens: 1 });
  });

  it("shares the token correction made after a call, both ways", async () => {
    const key = keyOf("sk-token-budget");
    const workerA = createRedisRateLimitStore(first).budgetFor(key);
    const workerB = createRedisRateLimitStore(second).budgetFor(key);
    const limits = { tokensPerMinute: 100 };
    const ticket = await workerA.acquire(10, limits, undefined);
    workerA.record(ticket, 90);
    await first.ping(); // the correction was sent on this connection before the ping, so Redis has applied it
    await expect(workerB.acquire(20, limits, impatient())).rejects.toMatchObject({ kind: "aborted" });
    workerA.record(ticket, 30);
    await first.ping();
    await expect(workerB.acquire(20, limits, impatient())).resolves.toMatchObject({ tokens: 20 });
  });

  it("lets a request larger than the whole token budget run in an empty window, and nothing after it", async () => {
    const key = keyOf("sk-large-request");
    const limits = { tokensPerMinute: 100 };
    await expect(createRedisRateLimitStore(first).budgetFor(key).acquire(500, limits, impatient())).resolves.toMatchObject({ tokens: 500 });
    await expect(createRedisRateLimitStore(second).budgetFor(key).acquire(1, limits, impatient())).rejects.toMatchObject({ kind: "aborted" });
  });

  it("keeps each process within the budget on its own while Redis is unreachable", async () => {
    const unreachable = connectRedis((await closedPortUrl()).replace("http:", "redis:"), "commands", { enableOfflineQueue: false, lazyConnect: true });
    try {
      const budget = createRedisRateLimitStore(unreachable).budgetFor(keyOf("sk-redis-away"));
      const limits = { requestsPerMinute: 2 };
      await budget.acquire(1, limits, undefined);
      await budget.acquire(1, limits, undefined);
      await expect(budget.acquire(1, limits, impatient())).rejects.toMatchObject({ kind: "aborted" });
    } finally {
      unreachable.disconnect();
    }
  });

  describe("installed for the provider wrapper", () => {
    let server: ScriptedServer;
    let previous: RateLimitStore | undefined;
    beforeAll(async () => void (server = await startOpenAIServer()));
    afterEach(() => void (previous && setRateLimitStore(previous)));
    afterAll(() => server.close());

    it("keys every budget under osmen: with no secret in any key", async () => {
      const apiKey = "sk-secret-never-in-redis-0123456789";
      previous = installRedisProviderBudgets(first);
      const llm = await new ProviderRouter({ env: { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: apiKey } }).getProvider("openai", {
        rateLimitRpm: 5,
        rateLimitTpm: 10_000,
      });
      await llm.chat([{ role: "user", content: "hi" }]);
      const keys: string[] = [];
      for await (const batch of first.scanStream({ count: 100 })) keys.push(...(batch as string[]));
      expect(keys.sort()).toEqual([`osmen:llm-requests:${rateLimitKey("openai", { baseUrl: server.url, apiKey })}`, `osmen:llm-tokens:${rateLimitKey("openai", { baseUrl: server.url, apiKey })}`]);
      expect(keys.join("\n")).not.toContain(apiKey);
      expect(keys.join("\n")).not.toContain(apiKey.slice(3, 19));
    });
  });
});

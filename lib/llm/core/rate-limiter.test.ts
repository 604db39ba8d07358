import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startOllamaServer } from "@/testing/servers/ollama.ts";
import type { ScriptedServer } from "@/testing/servers/scripted-server.ts";
import { ProviderRouter } from "../router/provider-router.ts";
import { rejectionOf } from "@/testing/llm-harness.ts";
import { RollingWindowLimiter } from "./rate-limiter.ts";

const limits = { requestsPerMinute: 3, tokensPerMinute: 1000 };

describe("RollingWindowLimiter", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it("starts a burst within the limit at once and makes the request over it wait for the window", async () => {
    let now = 0;
    const limiter = new RollingWindowLimiter({ windowMs: 200, now: () => now });
    const burst = await Promise.all([1, 2, 3].map(() => limiter.acquire(10, limits, undefined)));
    expect(burst.map((ticket) => ticket.at)).toEqual([0, 0, 0]); // none was spread out
    let isFourthStarted = false;
    const fourth = limiter.acquire(10, limits, undefined).then((ticket) => ((isFourthStarted = true), ticket));
    now = 199;
    await vi.advanceTimersByTimeAsync(199);
    expect(isFourthStarted).toBe(false);
    now = 200; // the first three leave the window
    await vi.advanceTimersByTimeAsync(1);
    expect((await fourth).at).toBe(200);
  });

  it("waits on tokens per minute too, but lets a request bigger than the budget run in an empty window", async () => {
    let now = 0;
    const limiter = new RollingWindowLimiter({ windowMs: 100, now: () => now });
    const first = await limiter.acquire(5000, limits, undefined);
    limiter.record(first, 900);
    let isSecondStarted = false;
    const second = limiter.acquire(200, limits, undefined).then(() => (isSecondStarted = true));
    now = 99;
    await vi.advanceTimersByTimeAsync(99);
    expect(isSecondStarted).toBe(false);
    now = 100;
    await vi.advanceTimersByTimeAsync(1);
    await second;
    expect(isSecondStarted).toBe(true);
  });

  it("stops waiting at once when the signal aborts, and the queue moves on", async () => {
    let now = 0;
    const limiter = new RollingWindowLimiter({ windowMs: 60_000, now: () => now });
    await Promise.all([1, 2, 3].map(() => limiter.acquire(1, limits, undefined)));
    const controller = new AbortController();
    const waiting = limiter.acquire(1, limits, controller.signal, "ollama");
    const behind = limiter.acquire(1, limits, undefined);
    controller.abort(); // no time passes: the abort alone ends the wait
    const error = await rejectionOf(waiting);
    expect(error).toMatchObject({ kind: "aborted", provider: "ollama" });
    now = 60_000; // the window empties and the one behind gets its turn
    await vi.advanceTimersByTimeAsync(60_000);
    expect((await behind).at).toBe(60_000);
  });
});

describe("rate limits on a provider", () => {
  let server: ScriptedServer;
  beforeAll(async () => void (server = await startOllamaServer()));
  afterAll(() => server.close());

  it("sends requests within rateLimitRpm at once and holds the one over it", async () => {
    const llm = await new ProviderRouter({ env: { OLLAMA_HOST: server.url } }).getProvider("ollama", { rateLimitRpm: 2 });
    const message = [{ role: "user" as const, content: "hi" }];
    await Promise.all([llm.chat(message), llm.chat(message)]);
    expect(server.requests).toHaveLength(2);
    const controller = new AbortController();
    const third = llm.chat([{ role: "user", content: "held" }], { signal: controller.signal });
    // A request sent after the third, without a budget, makes the whole round trip while the third stays held.
    const unlimited = await new ProviderRouter({ env: { OLLAMA_HOST: server.url } }).getProvider("ollama");
    await unlimited.chat([{ role: "user", content: "free" }]);
    expect(server.requests.map((request) => request.body.messages.at(-1).content)).toEqual(["hi", "hi", "free"]);
    controller.abort();
    await expect(third).rejects.toMatchObject({ kind: "aborted" });
    expect(server.requests).toHaveLength(3);
  });

  it("holds nothing back when no budget is set, so many runs at once do not queue behind each other", async () => {
    const llm = await new ProviderRouter({ env: { OLLAMA_HOST: server.url } }).getProvider("ollama");
    const before = server.requests.length;
    const message = [{ role: "user" as const, content: "hi" }];
    await Promise.all(Array.from({ length: 100 }, () => llm.chat(message)));
    expect(server.requests.length - before).toBe(100);
  });
});

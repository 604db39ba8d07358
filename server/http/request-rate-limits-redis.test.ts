// Request budgets on real Redis: two limiters on two connections stand in for two app instances.
import type { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isAppError, type AppError } from "@/lib/errors";
import { connectRedis } from "@/server/queue/redis";
import { createRequestRateLimiter, IP_SHARE, type RequestRateLimitSettings } from "./request-rate-limits";

// Database 2 belongs to this file; nothing else writes there while it runs.
const REDIS_URL = "redis://127.0.0.1:6379/2";
const fromIp = (ip: string) => new Headers({ "x-forwarded-for": ip });
const refusalOf = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => (isAppError(error) ? (error as AppError) : error));

describe("request budgets on Redis", () => {
  const settings: RequestRateLimitSettings = { read: 3, write: 2, run: 1, openai: 0 };
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

  const twoInstances = () => [createRequestRateLimiter(settings, { trustProxy: true, redis: first }), createRequestRateLimiter(settings, { trustProxy: true, redis: second })] as const;

  it("makes two app instances spend one budget, refusing past it with the wait and the limit, spending nothing", async () => {
    const [one, two] = twoInstances();
    const alice = { caller: "user:alice", headers: fromIp("203.0.113.7") };
    expect(await one.consume("read", alice)).toMatchObject({ limit: 3, remaining: 2 });
    expect(await two.consume("read", alice)).toMatchObject({ remaining: 1 });
    expect(await one.consume("read", alice)).toMatchObject({ remaining: 0 });
    const refusal = (await refusalOf(two.consume("read", alice))) as AppError;
    expect(refusal.code).toBe("TOO_MANY_REQUESTS");
    expect(refusal.userMessage).toMatch(/Too many reads in the last minute \(at most 3\)\. Try again in \d+ s\./);
    expect(refusal.details).toMatchObject({ retryAfterSeconds: expect.any(Number), rateLimit: { limit: 3, remaining: 0 } });
    // The refusal cost the address nothing: another caller there still has the budget's worth of it left.
    expect(await one.consume("read", { caller: "user:bob", headers: fromIp("203.0.113.7") })).toMatchObject({ limit: 3, remaining: 2 });
    expect(await first.get("osmen:requests-read:ip:203.0.113.7")).toBe("4");
  });

  it("shares an address's budget across instances too", async () => {
    const [one, two] = twoInstances();
    const office = fromIp("198.51.100.1");
    for (let index = 0; index < settings.run * IP_SHARE; index += 1) {
      await (index % 2 === 0 ? one : two).consume("run", { caller: `user:person-${index}`, headers: office });
    }
    expect(((await refusalOf(two.consume("run", { caller: "user:one-more", headers: office }))) as AppError).code).toBe("TOO_MANY_REQUESTS");
    expect(((await refusalOf(one.consume("run", { headers: office }))) as AppError).code).toBe("TOO_MANY_REQUESTS");
  });

  it("lets exactly the budget through when many calls arrive at once on both instances", async () => {
    const [one, two] = twoInstances();
    const alice = { caller: "user:alice", headers: fromIp("203.0.113.9") };
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, (_, index) => (index % 2 === 0 ? one : two).consume("read", alice)));
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(settings.read);
    const bob = { caller: "user:bob", headers: fromIp("203.0.113.10") };
    expect(((await refusalOf(one.consume("write", bob, 3))) as AppError).code).toBe("TOO_MANY_REQUESTS");
    expect(await two.consume("write", bob, 2)).toMatchObject({ remaining: 0 });
  });
});

// Provider budgets (rateLimitRpm, rateLimitTpm) shared by every worker and app instance through Redis: a
// provider's limit is on its key, not on one of our processes, so ten workers must not spend ten budgets.
// rate-limiter-flexible keeps the counts (one atomic INCRBY with an expiry per request); this file adds what
// the provider wrapper expects of a budget (lib/llm/core/rate-limit-registry.ts): waiting instead of failing,
// abortable, with the token estimate corrected once the provider reports its usage.
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { setRateLimitStore, type RateLimitBudget, type RateLimitStore } from "@/lib/llm/core/rate-limit-registry";
import type { RateLimits, RateLimitTicket } from "@/lib/llm/core/rate-limiter";
import { sleep, untilAborted } from "@/lib/llm/core/signals";
import { KEY_PREFIX } from "./redis";

/** `windowSeconds`: the length of a budget's window (default 60, the providers' "per minute"); whole seconds. */
export type RedisRateLimitOptions = { windowSeconds?: number };

type Counted = "requests" | "tokens";
/** Where a ticket's tokens were counted, so `record` can correct the same count. */
type TokenCount = { limiter: RateLimiterRedis; windowEndsAt: number };
type Attempt = { ticket: RateLimitTicket; counted?: TokenCount } | { waitMs: number };

/**
 * Budgets kept in Redis under `osmen:llm-requests:<rateLimitKey>` and `osmen:llm-tokens:<rateLimitKey>` (the key
 * holds a fingerprint of the credential, never the credential). Windows are fixed: they start with the first
 * request and last `windowSeconds`, so a burst may straddle two windows (at most twice the limit within one
 * rolling minute) where the in-memory store's rolling window would not. If Redis fails a command, each
 * process falls back to its own in-memory count until Redis answers again (rate-limiter-flexible's
 * insurance limiter), so a Redis outage slows nothing down beyond each process's own limit.
 */
export function createRedisRateLimitStore(redis: Redis, options: RedisRateLimitOptions = {}): RateLimitStore {
  const windowSeconds = options.windowSeconds ?? 60;
  if (!Number.isInteger(windowSeconds) || windowSeconds < 1) {
    throw new Error(`windowSeconds must be a whole number of seconds, at least 1 (got ${windowSeconds}).`);
  }
  const limiters = new Map<string, RateLimiterRedis>();
  // One limiter object per counted thing and limit: the count in Redis is shared, the limit is the caller's.
  const limiterFor = (counted: Counted, points: number) => {
    const name = `${counted}:${points}`;
    let limiter = limiters.get(name);
    if (!limiter) {
      const insuranceLimiter = new RateLimiterMemory({ points, duration: windowSeconds });
      limiter = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${KEY_PREFIX}:llm-${counted}`, points, duration: windowSeconds, insuranceLimiter });
      limiters.set(name, limiter);
    }
    return limiter;
  };
  const budgets = new Map<string, RateLimitBudget>();
  return {
    budgetFor(key) {
      let budget = budgets.get(key);
      if (!budget) budgets.set(key, (budget = createRedisBudget(key, limiterFor)));
      return budget;
    },
  };
}

/** Installs Redis budgets as the process's rate-limit store (queue mode); returns the store it replaced. */
export function installRedisProviderBudgets(redis: Redis, options?: RedisRateLimitOptions): RateLimitStore {
  return setRateLimitStore(createRedisRateLimitStore(redis, options));
}

function createRedisBudget(key: string, limiterFor: (counted: Counted, points: number) => RateLimiterRedis): RateLimitBudget {
  const counts = new WeakMap<RateLimitTicket, TokenCount>();
  // Within one process callers take turns in arrival order, and only the first polls Redis; across processes
  // whoever asks first once the window frees goes first.
  let queueTail: Promise<void> = Promise.resolve();
  let waiting = 0;

  const attempt = async (tokens: number, limits: RateLimits): Promise<Attempt> => {
    const requests = limits.requestsPerMinute === undefined ? undefined : limiterFor("requests", limits.requestsPerMinute);
    const tokenBudget = limits.tokensPerMinute === undefined ? undefined : limiterFor("tokens", limits.tokensPerMinute);
    if (requests) {
      const refusal = await spend(requests, key, 1);
      if (refusal) return { waitMs: refusal.msBeforeNext };
    }
    let counted: TokenCount | undefined;
    if (tokenBudget) {
      const result = await tokenBudget.consume(key, tokens).catch((refusal: unknown) => refusal);
      if (!(result instanceof RateLimiterRes)) throw result;
      // A request larger than the whole budget still runs in an empty window, or it would wait forever.
      if (result.consumedPoints > tokenBudget.points && !result.isFirstInDuration) {
        await tokenBudget.reward(key, tokens);
        if (requests) await requests.reward(key, 1);
        return { waitMs: result.msBeforeNext };
      }
      counted = { limiter: tokenBudget, windowEndsAt: Date.now() + result.msBeforeNext };
    }
    return { ticket: { at: Date.now(), tokens }, counted };
  };

  return {
    async acquire(estimate, limits, signal, provider = "llm") {
      const tokens = Math.max(0, Math.ceil(estimate));
      const take = async () => {
        const result = await attempt(tokens, limits);
        if ("waitMs" in result) return Date.now() + Math.max(1, result.waitMs);
        if (result.counted) counts.set(result.ticket, result.counted);
        return result.ticket;
      };
      // With nobody waiting here, a burst goes to Redis at once, and a caller that will not wait (an aborted
      // signal) still gets a slot that is free.
      let retryAt = waiting === 0 ? await take() : Date.now();
      if (typeof retryAt !== "number") return retryAt;
      waiting++;
      const previous = queueTail;
      let release!: () => void;
      queueTail = new Promise((resolve) => (release = resolve));
      let hasTurn = false;
      try {
        await untilAborted(previous, signal, provider);
        hasTurn = true;
        for (;;) {
          await sleep(Math.max(0, retryAt - Date.now()), signal, provider);
          const taken = await take();
          if (typeof taken !== "number") return taken;
          retryAt = taken;
        }
      } finally {
        waiting--;
        // A waiter that gives up before its turn hands its place on only when the one ahead of it is done.
        if (hasTurn) release();
        else void previous.then(release);
      }
    },

    record(ticket, reported) {
      const tokens = Math.max(0, Math.ceil(reported));
      const difference = tokens - ticket.tokens;
      ticket.tokens = tokens;
      const counted = counts.get(ticket);
      if (!counted || difference === 0) return;
      // Tokens spent are charged even when the window they were estimated in has ended; an estimate is only
      // given back to the window that counted it, or the next window would start with room it never had.
      const correction =
        difference > 0 ? counted.limiter.penalty(key, difference) : Date.now() < counted.windowEndsAt ? counted.limiter.reward(key, -difference) : undefined;
      // Never rejects for Redis's sake (the insurance limiter takes over); nothing else can go wrong worth a crash.
      void correction?.catch(() => undefined);
    },
  };
}

/** Spends `points`; on refusal gives them back (a refused request costs nothing) and answers the refusal. */
async function spend(limiter: RateLimiterRedis, key: string, points: number): Promise<RateLimiterRes | undefined> {
  try {
    await limiter.consume(key, points);
    return undefined;
  } catch (refusal) {
    if (!(refusal instanceof RateLimiterRes)) throw refusal;
    await limiter.reward(key, points);
    return refusal;
  }
}

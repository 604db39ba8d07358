// Request budgets on every endpoint (rate-limiter-flexible; in memory, or on Redis in queue mode so every app
// instance spends from the same budgets): each caller (a signed-in user, or the
// user an API key acts for) and each client IP has a budget per minute for reads, writes, run starts and the
// OpenAI-compatible endpoint. A request over either budget is refused before it does anything, with 429,
// `Retry-After` (RFC 9110 §10.2.3) and the `RateLimit-*` fields of the IETF draft
// (draft-ietf-httpapi-ratelimit-headers). One IP may carry many people (an office behind NAT), so its budget
// is IP_SHARE callers' worth.
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { AppError } from "@/lib/errors";
import { clientIp } from "@/server/auth/auth-rate-limit";
import { KEY_PREFIX } from "@/server/queue/redis";

/** What a request spends: reading, changing something, starting a run, or a chat completion. */
export type RequestBudget = "read" | "write" | "run" | "openai";

/** Requests per minute for one caller, per budget; 0 turns that budget off (OSMEN_RATE_LIMIT_*). */
export type RequestRateLimitSettings = Record<RequestBudget, number>;

/**
 * Who is asking: `caller` names the budget's holder ("user:<id>" for a signed-in user, "key:<digest>" for an
 * API key, so a key is limited before anything looks it up), and the request's headers give the client's IP.
 */
export type RequestIdentity = { caller?: string; headers: Headers };

/**
 * `trustProxy`: OSMEN_TRUST_PROXY, whether X-Forwarded-For names the client (server/auth/auth-rate-limit.ts).
 * `redis`: queue mode's commands connection; budgets then live in Redis under `osmen:requests-*`, shared by
 * every app instance, else in this process's memory.
 */
export type RequestRateLimiterOptions = { trustProxy?: boolean; redis?: Redis };

/** The state of the tighter of the two budgets after a request was let through, for `RateLimit-*` headers. */
export type RateLimitState = { limit: number; remaining: number; resetSeconds: number };

export type RequestRateLimiter = {
  /**
   * Spends `points` requests (default 1; a JSON-RPC batch of tool calls spends one per call) of `budget` for
   * the IP and for the caller, atomically: calls that arrive together (a tRPC batch) each see the others'.
   * @throws AppError TOO_MANY_REQUESTS (details: retryAfterSeconds, rateLimit) when either budget is used up;
   * the caller's budget is then left as it was. Answers null when the budget is off.
   */
  consume(budget: RequestBudget, identity: RequestIdentity, points?: number): Promise<RateLimitState | null>;
};

const WINDOW_SECONDS = 60;
/** How many callers' worth of requests one IP may make. */
export const IP_SHARE = 5;

const BUDGET_NAMES: Record<RequestBudget, string> = {
  read: "reads",
  write: "changes",
  run: "run starts",
  openai: "chat completions",
};

export function createRequestRateLimiter(settings: RequestRateLimitSettings, options: RequestRateLimiterOptions = {}): RequestRateLimiter {
  const limiters = new Map<string, RateLimiterAbstract>();
  const limiterFor = (budget: RequestBudget, scope: "caller" | "ip") => {
    const key = `${budget}:${scope}`;
    let limiter = limiters.get(key);
    if (!limiter) {
      const points = settings[budget] * (scope === "ip" ? IP_SHARE : 1);
      limiters.set(key, (limiter = createLimiter(`requests-${key}`, points, options.redis)));
    }
    return limiter;
  };

  /** Spends from one limiter; a refusal gives the points back (a refused request costs nothing) and throws with the wait. */
  const spend = async (limiter: RateLimiterAbstract, key: string, points: number, budget: RequestBudget, limit: number) => {
    try {
      return await limiter.consume(key, points);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      await limiter.reward(key, points);
      throw overBudget(budget, limit, refusal.msBeforeNext);
    }
  };

  return {
    async consume(budget, { caller, headers }, points = 1) {
      const perMinute = settings[budget];
      if (perMinute === 0) return null;
      const ip = clientIp(headers, options.trustProxy ?? false);
      // consume() counts atomically (synchronously in memory, one INCRBY in Redis), so of many calls at once
      // exactly those within the budget pass.
      const byIp = await spend(limiterFor(budget, "ip"), ip, points, budget, perMinute * IP_SHARE);
      let tightest = { state: byIp, limit: perMinute * IP_SHARE };
      if (caller) {
        try {
          const byCaller = await spend(limiterFor(budget, "caller"), caller, points, budget, perMinute);
          if (byCaller.remainingPoints <= byIp.remainingPoints) tightest = { state: byCaller, limit: perMinute };
        } catch (error) {
          // The caller was over: the address gets its points back too.
          await limiterFor(budget, "ip").reward(ip, points);
          throw error;
        }
      }
      return { limit: tightest.limit, remaining: Math.max(0, tightest.state.remainingPoints), resetSeconds: secondsOf(tightest.state.msBeforeNext) };
    },
  };
}

/**
 * One budget's counter, the only place the store is chosen. On Redis a failed command falls back to this
 * instance's memory (rate-limiter-flexible's insurance limiter): requests keep their per-instance budget rather
 * than failing while Redis is away.
 */
function createLimiter(keyPrefix: string, points: number, redis: Redis | undefined): RateLimiterAbstract {
  const inMemory = new RateLimiterMemory({ keyPrefix, points, duration: WINDOW_SECONDS });
  if (!redis) return inMemory;
  return new RateLimiterRedis({ storeClient: redis, keyPrefix: `${KEY_PREFIX}:${keyPrefix}`, points, duration: WINDOW_SECONDS, insuranceLimiter: inMemory });
}

const secondsOf = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

function overBudget(budget: RequestBudget, limit: number, msBeforeNext: number): AppError {
  const seconds = secondsOf(msBeforeNext);
  return new AppError("TOO_MANY_REQUESTS", `over the ${budget} request budget`, {
    userMessage: `Too many ${BUDGET_NAMES[budget]} in the last minute (at most ${limit}). Try again in ${seconds} s.`,
    details: { retryAfterSeconds: seconds, rateLimit: { limit, remaining: 0, resetSeconds: seconds } },
  });
}

/** `RateLimit-Limit`, `-Remaining`, `-Reset` (seconds) and `-Policy` for a state. */
export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  return {
    "ratelimit-limit": String(state.limit),
    "ratelimit-remaining": String(state.remaining),
    "ratelimit-reset": String(state.resetSeconds),
    "ratelimit-policy": `${state.limit};w=${WINDOW_SECONDS}`,
  };
}

/** The budget a tRPC procedure spends: starting a run, a mutation, or a read (queries and subscriptions). */
export function budgetOfProcedure(path: string, type: "query" | "mutation" | "subscription"): RequestBudget {
  if (RUN_STARTING_PROCEDURES.has(path)) return "run";
  return type === "mutation" ? "write" : "read";
}

/** Procedures that start a run (a chat message runs the flow, a share-link visitor's too). */
const RUN_STARTING_PROCEDURES = new Set(["run.start", "chat.send", "shareChat.send"]);

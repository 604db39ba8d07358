// Request budgets on every endpoint (rate-limiter-flexible, in memory): each caller (a signed-in user, or the
// user an API key acts for) and each client IP has a budget per minute for reads, writes, run starts and the
// OpenAI-compatible endpoint. A request over either budget is refused before it does anything, with 429,
// `Retry-After` (RFC 9110 §10.2.3) and the `RateLimit-*` fields of the IETF draft
// (draft-ietf-httpapi-ratelimit-headers). One IP may carry many people (an office behind NAT), so its budget
// is IP_SHARE callers' worth.
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "@/lib/errors";
import { clientIp } from "@/server/auth/auth-rate-limit";

/** What a request spends: reading, changing something, starting a run, or a chat completion. */
export type RequestBudget = "read" | "write" | "run" | "openai";

/** Requests per minute for one caller, per budget; 0 turns that budget off (OSMEN_RATE_LIMIT_*). */
export type RequestRateLimitSettings = Record<RequestBudget, number>;

/** Who is asking: the caller's user id when known, and the request's headers (the client's IP comes from them). */
export type RequestIdentity = { userId?: string; headers: Headers };

/** `trustProxy`: OSMEN_TRUST_PROXY, whether X-Forwarded-For names the client (server/auth/auth-rate-limit.ts). */
export type RequestRateLimiterOptions = { trustProxy?: boolean };

/** The state of the tighter of the two budgets after a request was let through, for `RateLimit-*` headers. */
export type RateLimitState = { limit: number; remaining: number; resetSeconds: number };

export type RequestRateLimiter = {
  /**
   * Spends one request of `budget` for the caller and for the IP.
   * @throws AppError TOO_MANY_REQUESTS (details: retryAfterSeconds, rateLimit) when either budget is used up;
   * nothing is spent then. Answers null when the budget is off.
   */
  consume(budget: RequestBudget, identity: RequestIdentity): Promise<RateLimitState | null>;
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
  const limiters = new Map<string, RateLimiterMemory>();
  const limiterFor = (budget: RequestBudget, scope: "caller" | "ip") => {
    const key = `${budget}:${scope}`;
    let limiter = limiters.get(key);
    if (!limiter) {
      const points = settings[budget] * (scope === "ip" ? IP_SHARE : 1);
      limiters.set(key, (limiter = new RateLimiterMemory({ keyPrefix: `requests-${key}`, points, duration: WINDOW_SECONDS })));
    }
    return limiter;
  };

  return {
    async consume(budget, { userId, headers }) {
      const perMinute = settings[budget];
      if (perMinute === 0) return null;
      const ip = clientIp(headers, options.trustProxy ?? false);
      const checks: [RateLimiterMemory, string, number][] = [[limiterFor(budget, "ip"), ip, perMinute * IP_SHARE]];
      if (userId) checks.push([limiterFor(budget, "caller"), userId, perMinute]);
      // Look first, spend after: a refused request must not use up the other budget either.
      const states = await Promise.all(checks.map(([limiter, key]) => limiter.get(key)));
      const exhausted = states.findIndex((state, index) => state !== null && state.consumedPoints >= checks[index]![2]);
      if (exhausted >= 0) throw overBudget(budget, checks[exhausted]![2], states[exhausted]!.msBeforeNext);
      const spent = await Promise.all(checks.map(([limiter, key]) => limiter.consume(key).catch((state: unknown) => state)));
      const refusedIndex = spent.findIndex((state) => state instanceof RateLimiterRes && state.remainingPoints < 0);
      // Two requests raced for the last point: the one that lost is refused like any other.
      if (refusedIndex >= 0) throw overBudget(budget, checks[refusedIndex]![2], (spent[refusedIndex] as RateLimiterRes).msBeforeNext);
      const tightest = spent
        .map((state, index) => ({ state: state as RateLimiterRes, limit: checks[index]![2] }))
        .reduce((a, b) => (b.state.remainingPoints < a.state.remainingPoints ? b : a));
      return { limit: tightest.limit, remaining: Math.max(0, tightest.state.remainingPoints), resetSeconds: secondsOf(tightest.state.msBeforeNext) };
    },
  };
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

/** Procedures that start a run. */
const RUN_STARTING_PROCEDURES = new Set(["run.start"]);

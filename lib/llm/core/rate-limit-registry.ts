// One rate-limit budget per process for each provider + endpoint + credential, however many provider objects
// (one per run, per node) use it: the provider's limit is on the key, not on our objects. The store is an
// interface so a shared one (rate-limiter-flexible on Redis, for queue workers) can replace the memory one.
import { createHash } from "node:crypto";
import type { LLMConfig } from "../types.ts";
import { RollingWindowLimiter, type RateLimits, type RateLimitTicket } from "./rate-limiter.ts";

/** What a provider call needs from a budget: a slot before the request, the real token count after it. */
export type RateLimitBudget = {
  acquire(tokens: number, limits: RateLimits, signal: AbortSignal | undefined, provider?: string): Promise<RateLimitTicket>;
  record(ticket: RateLimitTicket, tokens: number): void;
};

export type RateLimitStore = { budgetFor(key: string): RateLimitBudget };

/** In-process budgets, made on first use and kept for the process's life (one per distinct key). */
export function createMemoryRateLimitStore(): RateLimitStore {
  const budgets = new Map<string, RollingWindowLimiter>();
  return {
    budgetFor(key) {
      let budget = budgets.get(key);
      if (!budget) budgets.set(key, (budget = new RollingWindowLimiter()));
      return budget;
    },
  };
}

let store: RateLimitStore = createMemoryRateLimitStore();

/** Replaces the process's store (a Redis-backed one when runs are spread over workers); returns the previous one. */
export function setRateLimitStore(next: RateLimitStore): RateLimitStore {
  const previous = store;
  store = next;
  return previous;
}

/**
 * The budget's key: provider, endpoint and a fingerprint of the key (never the key itself, which must not sit
 * in a map a heap dump or a Redis key could show). An endpoint's user info and query string can carry a secret
 * too, so only its origin and path are written out; the rest joins the fingerprint. Two stored credentials
 * holding the same key share a budget, as they share the provider's limit.
 */
export function rateLimitKey(provider: string, config: Pick<LLMConfig, "baseUrl" | "apiKey">): string {
  const url = config.baseUrl ? URL.parse(config.baseUrl) : null;
  const endpoint = url ? `${url.origin}${url.pathname}` : config.baseUrl ? "unparsed" : "default";
  const hidden = [config.apiKey ?? "", url ? `${url.username}:${url.password}${url.search}` : (config.baseUrl ?? "")];
  const isKeyless = hidden.every((part) => part === "" || part === ":");
  const credential = isKeyless ? "none" : createHash("sha256").update(hidden.join("\n")).digest("hex").slice(0, 16);
  return `${provider}|${endpoint}|${credential}`;
}

export function rateLimitBudgetFor(provider: string, config: Pick<LLMConfig, "baseUrl" | "apiKey">): RateLimitBudget {
  return store.budgetFor(rateLimitKey(provider, config));
}

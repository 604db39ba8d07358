// The one retry policy for every provider (the SDKs' own retries are off, so attempts are counted once).
import type { LLMError } from "../errors.ts";
import { sleep } from "./signals.ts";

export type RetryPolicy = {
  /** Retries after the first request: at most `retryAttempts + 1` requests. */
  retryAttempts: number;
  retryDelayMs: number;
  /** A Retry-After longer than this is not waited for in full (a stuck header must not park a run for hours). */
  maxDelayMs?: number;
};

const defaultMaxDelayMs = 60_000;

/** Exponential backoff from `retryDelayMs`, plus up to 25% jitter so parallel callers do not retry in step. */
export function backoffDelay(retryIndex: number, policy: RetryPolicy, random = Math.random): number {
  const base = policy.retryDelayMs * 2 ** retryIndex;
  return Math.min(base + base * 0.25 * random(), policy.maxDelayMs ?? defaultMaxDelayMs);
}

export function retryDelay(error: LLMError, retryIndex: number, policy: RetryPolicy): number {
  const backoff = backoffDelay(retryIndex, policy);
  if (error.retryAfterMs === undefined) return backoff;
  return Math.min(error.retryAfterMs, policy.maxDelayMs ?? defaultMaxDelayMs);
}

/**
 * Runs `attempt` until it succeeds, fails with a non-retryable error, or the attempts are used up.
 * `toError` classifies each failure knowing how many requests were made so far.
 */
export async function withRetry<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  policy: RetryPolicy,
  toError: (error: unknown, attempts: number) => LLMError,
  signal: AbortSignal | undefined,
): Promise<T> {
  for (let attemptNumber = 1; ; attemptNumber++) {
    try {
      return await attempt(attemptNumber);
    } catch (raw) {
      const error = toError(raw, attemptNumber);
      const hasAttemptsLeft = attemptNumber <= policy.retryAttempts;
      if (!error.retryable || !hasAttemptsLeft || signal?.aborted) throw error;
      await sleep(retryDelay(error, attemptNumber - 1, policy), signal, error.provider);
    }
  }
}

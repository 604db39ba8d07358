// Abort plumbing shared by retries, the rate limiter and every request.
import { raceAbort } from "@/lib/race-abort";
import { LLMError } from "../errors.ts";

export function abortedError(provider: string, cause?: unknown): LLMError {
  return new LLMError({ kind: "aborted", provider, message: `The ${provider} request was cancelled.`, cause });
}

/** Waits `ms`, ending at once (with an "aborted" LLMError) when the signal aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined, provider: string): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortedError(provider, signal.reason));
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError(provider, signal?.reason));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Resolves with `promise`, or rejects as soon as the signal aborts, whichever comes first. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined, provider: string): Promise<T> {
  return signal ? raceAbort(promise, signal, (aborted) => abortedError(provider, aborted.reason)) : promise;
}

export type RequestScope = {
  readonly signal: AbortSignal;
  readonly isTimedOut: boolean;
  readonly isCancelled: boolean;
  /** Restarts the idle clock: a stream that keeps producing chunks is not timed out. */
  touch(): void;
  /** Stops the clock and aborts whatever HTTP request is still open. */
  dispose(): void;
};

/**
 * One attempt's signal: aborted by the caller's signal or after `timeoutMs` without progress. Knowing which
 * of the two fired is what lets errors say "timeout" rather than "cancelled". `touch()` runs once per streamed
 * chunk, so it only notes the time; the timer re-arms itself for whatever idle time is left when it fires.
 */
export function createRequestScope(parent: AbortSignal | undefined, timeoutMs: number): RequestScope {
  const controller = new AbortController();
  let isTimedOut = false;
  let lastActivity = Date.now();
  const onParentAbort = () => controller.abort(parent?.reason);
  if (parent?.aborted) controller.abort(parent.reason);
  else parent?.addEventListener("abort", onParentAbort, { once: true });
  const onTimer = () => {
    const idleFor = Date.now() - lastActivity;
    if (idleFor < timeoutMs) {
      timer = setTimeout(onTimer, timeoutMs - idleFor);
      return;
    }
    isTimedOut = true;
    controller.abort(new Error(`timed out after ${timeoutMs} ms`));
  };
  let timer = setTimeout(onTimer, timeoutMs);
  return {
    signal: controller.signal,
    get isTimedOut() {
      return isTimedOut;
    },
    get isCancelled() {
      return parent?.aborted === true;
    },
    touch: () => void (lastActivity = Date.now()),
    dispose: () => {
      clearTimeout(timer);
      parent?.removeEventListener("abort", onParentAbort);
      if (!controller.signal.aborted) controller.abort(new Error("request finished"));
    },
  };
}

// Small helpers so that nothing in a run outlives its signal, even code that ignores signals.
import { setMaxListeners } from "node:events";
import { raceAbort as raceAbortWith } from "@/lib/race-abort";
import { EngineError } from "./errors";

/** Settles with the promise, or rejects as soon as the signal aborts (with the signal's reason). */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return raceAbortWith(promise, signal, abortReason);
}

export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new EngineError("cancelled", "The run was cancelled.");
}

/**
 * A child controller that aborts with its parent, or with `timeoutError` after `timeoutMs`.
 * `dispose` clears the timer and the parent listener so finished nodes leave nothing behind.
 */
export function childController(parent: AbortSignal, timeoutMs: number | undefined, timeoutError: () => Error) {
  const controller = new AbortController();
  // Many concurrent calls (a 100-agent team) may listen to one node's signal; that is by design, not a leak.
  setMaxListeners(0, controller.signal);
  const onParentAbort = () => controller.abort(parent.reason);
  if (parent.aborted) controller.abort(parent.reason);
  else parent.addEventListener("abort", onParentAbort, { once: true });
  const timer =
    timeoutMs !== undefined && Number.isFinite(timeoutMs) ? setTimeout(() => controller.abort(timeoutError()), timeoutMs) : undefined;
  return {
    signal: controller.signal,
    abort: (reason: unknown) => controller.abort(reason),
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      parent.removeEventListener("abort", onParentAbort);
    },
  };
}

// The one way a wait ends early: settle with the promise, or reject as soon as the signal aborts, with the
// error the caller's layer speaks (the engine's EngineError, the provider layer's LLMError).
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal, errorFor: (signal: AbortSignal) => unknown = (aborted) => aborted.reason): Promise<T> {
  if (signal.aborted) {
    // The abandoned promise may still reject later; nobody is listening any more.
    promise.catch(() => undefined);
    return Promise.reject(errorFor(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(errorFor(signal));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

// At most `limit` runs execute at once; the rest wait in order. A waiting run can leave the queue (cancel).
export type RunSlots = {
  /** Resolves when a slot is free; the returned function gives it back. Rejects if `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<() => void>;
  readonly running: number;
  readonly waiting: number;
};

export function createRunSlots(limit: number): RunSlots {
  let running = 0;
  const queue: { grant: () => void }[] = [];

  const release = () => {
    running -= 1;
    const next = queue.shift();
    if (next) next.grant();
  };

  const take = () => {
    running += 1;
    let isReleased = false;
    return () => {
      if (isReleased) return;
      isReleased = true;
      release();
    };
  };

  return {
    acquire(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (running < limit && queue.length === 0) return Promise.resolve(take());
      return new Promise((resolve, reject) => {
        const entry = {
          grant: () => {
            signal?.removeEventListener("abort", onAbort);
            resolve(take());
          },
        };
        const onAbort = () => {
          const index = queue.indexOf(entry);
          if (index >= 0) queue.splice(index, 1);
          reject(signal!.reason);
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        queue.push(entry);
      });
    },
    get running() {
      return running;
    },
    get waiting() {
      return queue.length;
    },
  };
}

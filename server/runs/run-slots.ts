// At most `limit` runs execute at once; at most `maxWaiting` more wait, in order. A waiting run can leave
// the queue (cancel). A start past both answers "full" at once instead of piling up without bound.
export type RunSlotTicket = {
  /** Resolves when a slot is free; the returned function gives it back. Rejects if `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<() => void>;
  /** Takes a slot now if one is free and nobody waits for one (the release function), else undefined. */
  acquireNow(): (() => void) | undefined;
  /** Gives up a place that was never used (the run could not be stored). */
  cancel(): void;
};

export type RunSlots = {
  /**
   * Holds a place for one run, synchronously, so concurrent starts cannot overshoot the bound between the
   * check and the wait. Answers null when `limit` runs are running and `maxWaiting` are waiting.
   */
  reserve(): RunSlotTicket | null;
  /** Resolves when a slot is free; the returned function gives it back. Rejects if `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<() => void>;
  readonly running: number;
  readonly waiting: number;
};

export function createRunSlots(limit: number, maxWaiting = Number.POSITIVE_INFINITY): RunSlots {
  let running = 0;
  let reserved = 0;
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

  function acquire(signal?: AbortSignal): Promise<() => void> {
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
  }

  function reserve(): RunSlotTicket | null {
    if (running + queue.length + reserved >= limit + maxWaiting) return null;
    reserved += 1;
    let isSettled = false;
    const settle = () => {
      if (isSettled) return false;
      isSettled = true;
      reserved -= 1;
      return true;
    };
    return {
      acquire: (signal) => {
        settle();
        return acquire(signal);
      },
      acquireNow: () => {
        if (running >= limit || queue.length > 0) return undefined;
        settle();
        return take();
      },
      cancel: () => void settle(),
    };
  }

  return {
    reserve,
    acquire,
    get running() {
      return running;
    },
    get waiting() {
      return queue.length + reserved;
    },
  };
}

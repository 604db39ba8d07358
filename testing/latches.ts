// Waits that end on events rather than on the clock, so a test neither flakes on a loaded machine nor passes
// by luck: a gate that the test opens, and a barrier that opens once enough parties arrive.

/** A promise the test resolves when it chooses; a never-opened gate holds whatever awaits it forever. */
export type Gate = { readonly promise: Promise<void>; open(): void };

export function createGate(): Gate {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** Opens once `parties` callers have arrived: proof that they were all waiting at the same time. */
export type Barrier = { arrive(): Promise<void>; readonly arrived: number };

/**
 * A barrier for `parties` callers. It rejects every waiter with "only k of n arrived" after `deadlineMs`
 * (generous: it only decides how a test that would otherwise hang fails, never whether a correct one passes).
 */
export function createBarrier(parties: number, deadlineMs = 10_000): Barrier {
  const gate = createGate();
  let arrived = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`only ${arrived} of ${parties} parties arrived within ${deadlineMs} ms`)), deadlineMs);
    timer.unref?.();
  });
  deadline.catch(() => undefined); // rejects only the waiters that race it
  return {
    get arrived() {
      return arrived;
    },
    arrive() {
      arrived += 1;
      if (arrived >= parties) {
        clearTimeout(timer);
        gate.open();
      }
      return Promise.race([gate.promise, deadline]);
    },
  };
}

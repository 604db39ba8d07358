// Stamps events with runId, seq and time, and hands them to the listener. A listener that throws must not
// take the run down with it: its error is swallowed here (the run's own outcome is what matters).
// The run's terminal event is its last: a node that ignores its signal may still stream after a cancel or a
// timeout (nodes are raced against the signal, not awaited), and what it says then is dropped, not numbered.
import { terminalEventTypes, type RunEvent, type RunEventDraft } from "./events";

/** `emit` answers the stamped event; after the terminal event it delivers nothing and leaves `lastSeq` alone. */
export type EventSink = { emit(draft: RunEventDraft): RunEvent; readonly lastSeq: number };

export function createEventSink(runId: string, onEvent: ((event: RunEvent) => void) | undefined, startSeq = 0): EventSink {
  let seq = startSeq;
  let isEnded = false;
  return {
    emit(draft) {
      if (isEnded) return { ...draft, runId, seq, at: new Date().toISOString() } as RunEvent;
      seq += 1;
      const event = { ...draft, runId, seq, at: new Date().toISOString() } as RunEvent;
      isEnded = terminalEventTypes.has(event.type);
      try {
        onEvent?.(event);
      } catch {
        // A faulty listener is the listener's problem.
      }
      return event;
    },
    get lastSeq() {
      return seq;
    },
  };
}

/** A push-to-pull queue: the executor pushes events, a `for await` loop pulls them. */
export function createEventQueue<Item>() {
  const buffered: Item[] = [];
  let waiting: ((result: IteratorResult<Item>) => void) | undefined;
  let isClosed = false;
  const iterable: AsyncIterable<Item> = {
    [Symbol.asyncIterator]: () => ({
      next: () => {
        if (buffered.length > 0) return Promise.resolve({ value: buffered.shift()!, done: false });
        if (isClosed) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => (waiting = resolve));
      },
    }),
  };
  return {
    push(item: Item) {
      if (waiting) {
        const resolve = waiting;
        waiting = undefined;
        resolve({ value: item, done: false });
      } else buffered.push(item);
    },
    close() {
      isClosed = true;
      waiting?.({ value: undefined, done: true });
      waiting = undefined;
    },
    iterable,
  };
}

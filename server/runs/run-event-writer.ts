// Stores run events in order, for every run of the process at once: rows that are ready in the same tick,
// from any number of runs, go into one insert, and what one run has ready then is one row (a grouped row,
// run-event-rows.ts, when it is more than one event or batch). Writes are chained, so they land in order;
// `flushed()` resolves once everything emitted so far is stored. A run's `lastSeq` is written when it finishes.
// A node's streamed deltas are held and stored as one row (run-event-rows.ts) until another event of the
// run arrives, DELTA_HOLD_MS pass or the batch reaches MAX_BATCH_CHUNKS: subscribers of a live run read the
// hub, not storage, so holding them costs a live watcher nothing and spares a row per token.
import type { RunEvent } from "@/lib/engine/events";
import { terminalEventTypes } from "@/lib/engine/events";
import { canExtendBatch, isBatchable, toGroupedRow, type RunEventRow } from "./run-event-rows.ts";

/** `flushed(runId)` stores that run's held deltas now; without a run id, every run's. */
export type RunEventWriter = { write(event: RunEvent): void; flushed(runId?: string): Promise<void> };

/** How long a node's deltas may wait in memory before they are stored (what a watcher in another process lags by). */
const DELTA_HOLD_MS = 500;
/** Deltas per stored row at most, so one row's payload stays small whatever the model's pace. */
const MAX_BATCH_CHUNKS = 1000;

type RunState = { rowSeq: number; held: RunEvent[]; timer?: ReturnType<typeof setTimeout> };

/** `insertRows` stores rows of any runs in one go (server/runs/run-rows.ts); `onError` hears of a failed store. */
export function createRunEventWriter(insertRows: (rows: RunEventRow[]) => Promise<void>, onError: (error: unknown, events: RunEvent[]) => void): RunEventWriter {
  const runs = new Map<string, RunState>();
  /** What each run has ready to store, in emission order: single events and delta batches. */
  let ready = new Map<RunState, RunEvent[][]>();
  let chain: Promise<void> = Promise.resolve();
  let isScheduled = false;

  const flush = async () => {
    isScheduled = false;
    const batch = ready;
    ready = new Map();
    if (batch.size === 0) return;
    // Row numbers are taken here, in flush order, so a run's rows are numbered in the order they are stored.
    const rows = [...batch].map(([state, parts]) => toGroupedRow(++state.rowSeq, parts));
    await insertRows(rows).catch((error: unknown) => onError(error, [...batch.values()].flat(2)));
  };

  const schedule = () => {
    if (isScheduled) return;
    isScheduled = true;
    chain = chain.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(flush);
  };

  const enqueue = (state: RunState, part: RunEvent[]) => {
    const parts = ready.get(state);
    if (parts) parts.push(part);
    else ready.set(state, [part]);
    schedule();
  };

  const release = (state: RunState) => {
    clearTimeout(state.timer);
    state.timer = undefined;
    if (state.held.length === 0) return;
    enqueue(state, state.held);
    state.held = [];
  };

  const hold = (state: RunState, event: RunEvent) => {
    const [first] = state.held;
    if (first && isBatchable(first) && canExtendBatch(first, state.held.at(-1)!, event)) state.held.push(event);
    else {
      release(state);
      state.held = [event];
      state.timer = setTimeout(() => release(state), DELTA_HOLD_MS);
      state.timer.unref?.();
    }
    if (state.held.length >= MAX_BATCH_CHUNKS) release(state);
  };

  return {
    write(event) {
      let state = runs.get(event.runId);
      if (!state) runs.set(event.runId, (state = { rowSeq: 0, held: [] }));
      if (isBatchable(event)) return hold(state, event);
      release(state);
      enqueue(state, [event]);
      if (terminalEventTypes.has(event.type)) runs.delete(event.runId);
    },
    flushed: (runId) => {
      const states = runId === undefined ? [...runs.values()] : [runs.get(runId)];
      for (const state of states) if (state) release(state);
      return chain;
    },
  };
}

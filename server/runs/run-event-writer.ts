// Stores run events in order, for every run of the process at once: rows that are ready in the same tick,
// from any number of runs, go into one insert. Writes are chained, so they land in order; `flushed()`
// resolves once everything emitted so far is stored. A run's `lastSeq` is written when it finishes.
// A node's streamed deltas are held and stored as one row (run-event-rows.ts) until another event of the
// run arrives, DELTA_HOLD_MS pass or the batch reaches MAX_BATCH_CHUNKS: subscribers of a live run read the
// hub, not storage, so holding them costs a live watcher nothing and spares a row per token.
import type { RunEvent } from "@/lib/engine/events";
import { terminalEventTypes } from "@/lib/engine/events";
import { canExtendBatch, isBatchable, toRunEventRow, type RunEventRow } from "./run-event-rows.ts";

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
  let ready: { rowSeq: number; events: RunEvent[] }[] = [];
  let chain: Promise<void> = Promise.resolve();
  let isScheduled = false;

  const flush = async () => {
    isScheduled = false;
    const batch = ready;
    ready = [];
    if (batch.length === 0) return;
    const rows = batch.map(({ rowSeq, events }) => toRunEventRow(rowSeq, events));
    await insertRows(rows).catch((error: unknown) => onError(error, batch.flatMap(({ events }) => events)));
  };

  const schedule = () => {
    if (isScheduled) return;
    isScheduled = true;
    chain = chain.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(flush);
  };

  const release = (state: RunState) => {
    clearTimeout(state.timer);
    state.timer = undefined;
    if (state.held.length === 0) return;
    ready.push({ rowSeq: ++state.rowSeq, events: state.held });
    state.held = [];
    schedule();
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
      ready.push({ rowSeq: ++state.rowSeq, events: [event] });
      if (terminalEventTypes.has(event.type)) runs.delete(event.runId);
      schedule();
    },
    flushed: (runId) => {
      const states = runId === undefined ? [...runs.values()] : [runs.get(runId)];
      for (const state of states) if (state) release(state);
      return chain;
    },
  };
}

// Live events of the runs this process is executing. A subscriber takes the events so far and its listener
// in the same tick, so between the two nothing can slip by; stored events cover runs that are not live.
import type { RunEvent } from "@/lib/engine/events";

type LiveRun = { events: RunEvent[]; listeners: Set<(event: RunEvent | null) => void> };

export type RunHub = {
  open(runId: string): void;
  publish(event: RunEvent): void;
  /** Ends the run's live stream: listeners receive `null`. */
  close(runId: string): void;
  isLive(runId: string): boolean;
  /** The buffered events after `afterSeq`, and a listener for the rest; undefined when the run is not live. */
  attach(runId: string, afterSeq: number, listener: (event: RunEvent | null) => void): { backlog: RunEvent[]; detach: () => void } | undefined;
};

export function createRunHub(): RunHub {
  const runs = new Map<string, LiveRun>();
  return {
    open(runId) {
      runs.set(runId, { events: [], listeners: new Set() });
    },
    publish(event) {
      const run = runs.get(event.runId);
      if (!run) return;
      run.events.push(event);
      for (const listener of run.listeners) listener(event);
    },
    close(runId) {
      const run = runs.get(runId);
      runs.delete(runId);
      for (const listener of run?.listeners ?? []) listener(null);
    },
    isLive: (runId) => runs.has(runId),
    attach(runId, afterSeq, listener) {
      const run = runs.get(runId);
      if (!run) return undefined;
      run.listeners.add(listener);
      return { backlog: run.events.filter((event) => event.seq > afterSeq), detach: () => run.listeners.delete(listener) };
    },
  };
}

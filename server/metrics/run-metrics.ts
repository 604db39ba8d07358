// Run and node metrics, derived from the RunEvents the run service emits: nothing in the engine knows about
// Prometheus.
import type { RunEvent } from "@/lib/engine/events";
import type { RunObserver } from "@/server/runs/run-service";
import type { Metrics } from "./metrics.ts";

const terminalStatus: Partial<Record<RunEvent["type"], string>> = {
  "run.completed": "succeeded",
  "run.failed": "failed",
  "run.cancelled": "cancelled",
};

/** An observer that counts runs by status and source and times runs and nodes (durations in seconds). */
export function runMetricsObserver(metrics: Metrics): RunObserver {
  return {
    onEvent(_run, event) {
      if (event.type === "node.completed" || event.type === "node.failed") {
        metrics.nodeDuration.observe({ kind: event.kind }, event.durationMs / 1000);
        return;
      }
      const status = terminalStatus[event.type];
      if (status && "durationMs" in event) metrics.runDuration.observe({ status }, event.durationMs / 1000);
    },
    onRunEnd(run, status) {
      metrics.runsTotal.inc({ status, source: run.source });
    },
  };
}

/** One observer that tells each of `observers` in turn. */
export function combineRunObservers(...observers: RunObserver[]): RunObserver {
  return {
    onEvent: (run, event) => observers.forEach((observer) => observer.onEvent?.(run, event)),
    onRunEnd: (run, status) => observers.forEach((observer) => observer.onRunEnd?.(run, status)),
  };
}

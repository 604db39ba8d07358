"use client";
// The followed run's events in order: a node's streamed chunks folded into one line, nodes named by their
// labels, a tool's raw JSON answer folded away under its summary.
import { useMemo } from "react";
import { useRun } from "./use-run";
import { timelineEntries, timeOfDay } from "./run-timeline";
import { useNodeLabels } from "./use-node-labels";
import { useRunSnapshot } from "./use-run-snapshot";

export function RunTimeline() {
  const { store } = useRun();
  const { runId, events } = useRunSnapshot(store);
  const labelOf = useNodeLabels();
  const entries = useMemo(() => timelineEntries(events, labelOf), [events, labelOf]);
  if (!runId) return null;
  return (
    <div className="run-timeline">
      <h3>Timeline</h3>
      <ol data-testid="run-timeline">
        {entries.map((entry) => (
          <li key={entry.seq} className={`timeline-${entry.type.replace(".", "-")}`}>
            <time dateTime={entry.at}>{timeOfDay(entry.at)}</time> {entry.text}
            {entry.raw && (
              <details className="timeline-raw">
                <summary>Raw JSON</summary>
                <pre>{entry.raw}</pre>
              </details>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

"use client";
// The followed run's events in order, a node's streamed chunks folded into one line.
import { useMemo } from "react";
import { useRun } from "./use-run";
import { timelineEntries, timeOfDay } from "./run-timeline";
import { useRunSnapshot } from "./use-run-snapshot";

export function RunTimeline() {
  const { store } = useRun();
  const { runId, events } = useRunSnapshot(store);
  const entries = useMemo(() => timelineEntries(events), [events]);
  if (!runId) return null;
  return (
    <div className="run-timeline">
      <h3>Timeline</h3>
      <ol data-testid="run-timeline">
        {entries.map((entry) => (
          <li key={entry.seq} className={`timeline-${entry.type.replace(".", "-")}`}>
            <time dateTime={entry.at}>{timeOfDay(entry.at)}</time> {entry.text}
          </li>
        ))}
      </ol>
    </div>
  );
}

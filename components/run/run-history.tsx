"use client";
// The flow's past runs, newest first; opening one replays its stored events onto the canvas.
import { useRun } from "./use-run";
import { formatDuration, sourceLabel, statusLabel } from "./run-format";

const startedAt = (date: Date | string) => new Date(date).toLocaleString();

export function RunHistory() {
  const { runs, runId, watch } = useRun();
  return (
    <div className="run-history">
      <h3>History</h3>
      {!runs || runs.length === 0 ? (
        <p className="muted">No runs yet.</p>
      ) : (
        <ul aria-label="Run history">
          {runs.map((run) => (
            <li key={run.id}>
              <button type="button" aria-current={run.id === runId} onClick={() => watch(run.id)} className={`run-history-item run-${run.status}`}>
                <span className="run-status">{statusLabel(run.status)}</span> {startedAt(run.createdAt)}
                {run.durationMs !== null && <span className="muted"> · {formatDuration(run.durationMs)}</span>}
                {sourceLabel(run.source) && <span className="muted" data-testid="run-source"> · via {sourceLabel(run.source)}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

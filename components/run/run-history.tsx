"use client";
// The flow's past runs, newest first; opening one replays its stored events onto the canvas. A pinned run
// is kept when older runs are pruned (OSMEN_RUN_RETENTION_DAYS / _COUNT).
import { useRun } from "./use-run";
import { useRunPin } from "./use-run-pin";
import { formatDuration, sourceLabel, statusLabel } from "./run-format";

const startedAt = (date: Date | string) => new Date(date).toLocaleString();

export function RunHistory() {
  const { runs, runId, watch, flowId } = useRun();
  const { setPinned, pendingRunId } = useRunPin(flowId);
  return (
    <div className="run-history">
      <h3>History</h3>
      {!runs || runs.length === 0 ? (
        <p className="muted">No runs yet.</p>
      ) : (
        <ul aria-label="Run history">
          {runs.map((run) => (
            <li key={run.id} className="run-history-row">
              <button type="button" aria-current={run.id === runId} onClick={() => watch(run.id)} className={`run-history-item run-${run.status}`}>
                <span className="run-status">{statusLabel(run.status)}</span> {startedAt(run.createdAt)}
                {run.durationMs !== null && <span className="muted"> · {formatDuration(run.durationMs)}</span>}
                {sourceLabel(run.source) && <span className="muted" data-testid="run-source"> · via {sourceLabel(run.source)}</span>}
              </button>
              <button
                type="button"
                className="run-pin"
                aria-pressed={run.pinned}
                aria-label={`${run.pinned ? "Unpin" : "Pin"} the run of ${startedAt(run.createdAt)}`}
                title={run.pinned ? "Pinned: kept when older runs are pruned. Click to unpin." : "Pin: keep this run when older runs are pruned"}
                disabled={pendingRunId === run.id}
                onClick={() => setPinned(run.id, !run.pinned)}
              >
                {run.pinned ? "★" : "☆"}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import { describeLastRun, type LastRunSummary } from "./last-run.ts";

/** "Succeeded · 5 minutes ago", coloured by outcome; "Never run" for a flow without runs. */
export function LastRunBadge({ run }: { run: LastRunSummary | null }) {
  const view = describeLastRun(run);
  if (!view) {
    return (
      <span className="run-badge" data-testid="last-run" data-status="none">
        Never run
      </span>
    );
  }
  return (
    <span className={`run-badge run-badge-${view.tone}`} data-testid="last-run" data-status={run!.status} title={`Last run: ${view.label}, ${view.at.toLocaleString()}`}>
      Last run: {view.label} · <time dateTime={view.at.toISOString()}>{view.when}</time>
    </span>
  );
}

"use client";
// The run panel: the followed run's status, Stop, errors, outputs and timeline, plus the flow's run history.
import { shortcutText } from "@/components/ui/keymap";
import { isTerminalStatus } from "@/lib/engine/run-state";
import { useRun } from "./use-run";
import { describeError, formatDuration, formatUsage, statusLabel } from "./run-format";
import { NodeOutputs } from "./node-outputs";
import { RunHistory } from "./run-history";
import { RunRefusal } from "./run-refusal";
import { RunTimeline } from "./run-timeline-list";
import { RunWarnings } from "./run-warnings";
import { useNodeLabels } from "./use-node-labels";
import { useRunSnapshot } from "./use-run-snapshot";

function RunSummary() {
  const { store, cancel, isCancelling, watcher } = useRun();
  const { runId, state } = useRunSnapshot(store);
  const labelOf = useNodeLabels();
  if (!runId) return <p className="muted">No run yet. Press Run (or {shortcutText("openRunDialog")}) to start one.</p>;
  const isGoing = !isTerminalStatus(state.status);
  const figures = [formatDuration(state.durationMs), formatUsage(state.usage)].filter(Boolean).join(" · ");
  return (
    <div className="run-summary">
      <span className={`run-badge run-${state.status}`} data-testid="run-status" role="status">
        {state.lastSeq === 0 && watcher.connection === "connecting" ? "Connecting…" : statusLabel(state.status)}
      </span>
      {figures && <span className="muted">{figures}</span>}
      {isGoing && (
        <button type="button" className="danger" onClick={cancel} disabled={isCancelling}>
          Stop
        </button>
      )}
      {state.error && state.status !== "cancelled" && (
        <p className="run-error" role="alert">
          {describeError(state.error)}
        </p>
      )}
      <RunWarnings warnings={state.warnings?.map((warning) => `${labelOf(warning.nodeId)}: ${warning.message}`)} testId="run-warnings" />
      {watcher.error && <p className="run-error">Lost the live connection: {watcher.error.message}. Retrying…</p>}
    </div>
  );
}

/** Folding the panel down to its header, where the page offers it: whether it is folded, and the switch. */
export type PanelCollapse = { isCollapsed: boolean; toggle: () => void };

export function RunPanel({ collapse }: { collapse?: PanelCollapse }) {
  const { isPanelOpen, setIsPanelOpen, refusal } = useRun();
  if (!isPanelOpen) return null;
  return (
    <section id="run-panel" className="run-panel" aria-label="Run" data-testid="run-panel">
      <header className="run-panel-header">
        <h2>Run</h2>
        <span className="run-panel-actions">
          {collapse && (
            <button type="button" aria-expanded={!collapse.isCollapsed} aria-label={collapse.isCollapsed ? "Expand run panel" : "Collapse run panel"} onClick={collapse.toggle}>
              {collapse.isCollapsed ? "▴" : "▾"}
            </button>
          )}
          <button type="button" aria-label="Close run panel" onClick={() => setIsPanelOpen(false)}>
            ×
          </button>
        </span>
      </header>
      {refusal ? <RunRefusal refusal={refusal} /> : <RunSummary />}
      <div className="run-panel-columns">
        <NodeOutputs />
        <RunTimeline />
        <RunHistory />
      </div>
    </section>
  );
}

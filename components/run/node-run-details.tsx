"use client";
// A node's run state on its face: status, the latest streamed words, tool calls, the error, the time taken.
import { formatDuration, statusLabel } from "./run-format";
import { tailOf } from "./node-output";
import type { NodeRunView } from "./node-run-view";
import { ReasoningText, RunWarnings } from "./run-warnings";

export function NodeRunDetails({ state }: { state: NodeRunView }) {
  const toolCalls = state.toolCalls;
  return (
    <div className={`flow-node-run run-${state.status}`} data-testid="node-run">
      <div className="node-run-header">
        <span className="run-status" data-testid="node-run-status" aria-live="polite">
          {statusLabel(state.status)}
        </span>
        {state.durationMs !== undefined && <span className="muted">{formatDuration(state.durationMs)}</span>}
        {state.uses && (
          <span className="muted" data-testid="node-run-uses">
            {state.uses}
          </span>
        )}
      </div>
      <RunWarnings warnings={state.warnings} testId="node-run-warnings" />
      <ReasoningText text={state.reasoning} testId="node-run-reasoning" />
      {state.text && (
        <p className="run-text" data-testid="node-run-text">
          {tailOf(state.text)}
        </p>
      )}
      {toolCalls.length > 0 && (
        <ul className="run-tool-calls" aria-label="Tool calls">
          {toolCalls.map((call) => (
            <li key={call.callId} className={call.isError ? "tool-error" : call.result === undefined ? "tool-pending" : "tool-done"}>
              {call.name}
              {call.result === undefined ? " …" : call.isError ? " failed" : " ✓"}
            </li>
          ))}
        </ul>
      )}
      {state.error && <p className={state.status === "skipped" ? "muted" : "run-error"}>{state.error}</p>}
    </div>
  );
}

"use client";
// The parts of a node face that come and go: its compiler findings and (later) its run state.
import type { Diagnostic } from "@/lib/flow/diagnostics";
import type { NodeRunState } from "./run-state";

const MAX_SHOWN = 3;

export function NodeDiagnostics({ diagnostics }: { diagnostics: Diagnostic[] | undefined }) {
  if (!diagnostics || diagnostics.length === 0) return null;
  return (
    <ul className="flow-node-diagnostics" data-testid="node-diagnostics">
      {diagnostics.slice(0, MAX_SHOWN).map((diagnostic, index) => (
        <li key={index} className={`diagnostic-${diagnostic.severity}`} title={diagnostic.message}>
          <span className="visually-hidden">{diagnostic.severity}: </span>
          {diagnostic.message}
        </li>
      ))}
      {diagnostics.length > MAX_SHOWN && <li className="muted">+{diagnostics.length - MAX_SHOWN} more</li>}
    </ul>
  );
}

export function NodeRunOverlay({ state }: { state: NodeRunState | undefined }) {
  if (!state) return null;
  return (
    <div className={`flow-node-run run-${state.status}`} aria-live="polite">
      <span className="run-status">{state.status}</span>
      {state.text && <p className="run-text">{state.text}</p>}
      {state.error && <p className="run-error">{state.error}</p>}
    </div>
  );
}

"use client";
// The parts of a node face that come and go: its compiler findings and its run state.
import type { Diagnostic } from "@/lib/flow/diagnostics";
import { NodeRunDetails } from "@/components/run/node-run-details";
import type { NodeRunView } from "@/components/run/node-run-view";

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

export function NodeRunOverlay({ state }: { state: NodeRunView | undefined }) {
  if (!state) return null;
  // The run view owns what a run looks like on a node: status, streamed text, tool calls, errors.
  return <NodeRunDetails state={state} />;
}

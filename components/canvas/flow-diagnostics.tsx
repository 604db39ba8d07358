"use client";
// Findings about the flow as a whole (no node or edge to pin them on), under the toolbar.
import { useEditor } from "@/components/editor-state/editor-context";

export function FlowDiagnostics() {
  const findings = useEditor((state) => state.diagnostics.flow);
  if (findings.length === 0) return null;
  return (
    <ul className="flow-diagnostics" aria-label="Problems with this flow">
      {findings.map((diagnostic, index) => (
        <li key={index} className={`diagnostic-${diagnostic.severity}`}>
          {diagnostic.message}
        </li>
      ))}
    </ul>
  );
}

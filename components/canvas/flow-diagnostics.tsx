"use client";
// Findings about the flow as a whole (no node or edge to pin them on), under the toolbar. An empty canvas is
// a start, not a mistake: it gets a hint on how to begin instead of the compiler's "no Output node" error.
import { useEditor } from "@/components/editor-state/editor-context";

const emptyFlowHint = "This flow is empty. Click or drag nodes from the palette on the left (an Input, a model, an LLM and an Output make a chat), connect them, then press Run.";

export function FlowDiagnostics() {
  const findings = useEditor((state) => state.diagnostics.flow);
  const isEmpty = useEditor((state) => state.nodes.length === 0);
  if (isEmpty) {
    return (
      <p className="flow-hint" role="status" data-testid="empty-flow-hint">
        {emptyFlowHint}
      </p>
    );
  }
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

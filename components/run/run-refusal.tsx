"use client";
// Why a run could not start: the server's message and the compiler's findings, each naming its node.
import type { StartRefusal } from "./use-run-controller";
import { useNodeLabels } from "./use-node-labels";

export function RunRefusal({ refusal }: { refusal: StartRefusal }) {
  const labelOf = useNodeLabels();
  const errors = refusal.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  return (
    <div className="run-refusal" role="alert" data-testid="run-refusal">
      <p className="run-error">{errors.length > 0 ? "This flow cannot run until these problems are fixed:" : refusal.message}</p>
      {errors.length > 0 && (
        <ul>
          {errors.map((diagnostic, index) => (
            <li key={index}>
              {diagnostic.nodeId && <strong>{labelOf(diagnostic.nodeId)}: </strong>}
              {diagnostic.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

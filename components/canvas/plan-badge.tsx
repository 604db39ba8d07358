"use client";
// The flow's orchestration pattern and a count of its problems, from the latest compile.
import { useEditor } from "@/components/editor-state/editor-context";

export function PlanBadge() {
  const plan = useEditor((state) => state.plan);
  const diagnostics = useEditor((state) => state.diagnostics);
  const flowLevel = diagnostics.flow;
  return (
    <span className="plan-badge" data-testid="plan-summary" title={flowLevel.map((diagnostic) => diagnostic.message).join("\n") || undefined}>
      {plan ? <>Pattern: <strong>{plan.pattern}</strong></> : <>No plan yet</>}
      {" · "}
      <span className={diagnostics.errorCount > 0 ? "diagnostic-error" : undefined}>
        {diagnostics.errorCount} {diagnostics.errorCount === 1 ? "error" : "errors"}
      </span>
      {", "}
      {diagnostics.warningCount} {diagnostics.warningCount === 1 ? "warning" : "warnings"}
    </span>
  );
}

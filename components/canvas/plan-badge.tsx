"use client";
// The flow's orchestration pattern (read from what is inside it) and a count of its problems, from the latest compile.
import { useEditor } from "@/components/editor-state/editor-context";
import { patternDescriptions } from "@/lib/flow/plan-summary";

export function PlanBadge() {
  const plan = useEditor((state) => state.plan);
  const diagnostics = useEditor((state) => state.diagnostics);
  const about = plan ? [`${plan.pattern}: ${patternDescriptions[plan.pattern]}`] : [];
  const tooltip = [...about, ...diagnostics.flow.map((diagnostic) => diagnostic.message)].join("\n");
  return (
    <span className="plan-badge" data-testid="plan-summary" title={tooltip || undefined}>
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

import { categoryLabel } from "@/lib/templates/categories";
import type { GraphPreview } from "@/lib/templates/preview";
import { isReadyToRun, type OwnedCredentials } from "@/lib/templates/requirement-state";
import type { TemplateSummary } from "@/lib/templates/template-schema";
import { TemplatePreview } from "./template-preview.tsx";
import { TemplateRequirements } from "./template-requirements.tsx";

const patternLabels: Record<string, string> = {
  SEQUENTIAL: "Sequential",
  PARALLEL: "Parallel",
  HIERARCHICAL: "Hierarchical",
  SUPERVISOR: "Supervisor",
};

type Props = {
  template: TemplateSummary & { preview: GraphPreview };
  owned: OwnedCredentials | undefined;
  isBusy: boolean;
  onUse: () => void;
};

/** One gallery card: a miniature of the graph, what it is, what it needs, and "Use template". */
export function TemplateCard({ template, owned, isBusy, onUse }: Props) {
  return (
    <li className="template-card" data-testid="template-card" data-template-id={template.id}>
      <TemplatePreview preview={template.preview} />
      <h2>{template.name}</h2>
      <p className="template-pattern">
        {categoryLabel(template.category)} · {patternLabels[template.pattern] ?? template.pattern}
      </p>
      <p className="muted">{template.description}</p>
      <TemplateRequirements requirements={template.requirements} owned={owned} />
      {owned && (
        <p className="template-readiness" data-testid="template-readiness">
          {isReadyToRun(template.requirements, owned) ? "Ready to run with what you have." : "Needs setup before it runs: see above."}
        </p>
      )}
      <button type="button" className="primary" disabled={isBusy} onClick={onUse} aria-label={`Use template ${template.name}`}>
        Use template
      </button>
    </li>
  );
}

import Link from "next/link";
import { requirementState, type OwnedCredentials } from "@/lib/templates/requirement-state";
import type { TemplateRequirement } from "@/lib/templates/template-schema";
import { requirementNote } from "./requirement-note.ts";

/**
 * What a template needs before it is used, each line saying whether the user has it. `owned` is undefined
 * while the user's credentials are loading (or could not be read): the needs are listed without a verdict.
 */
export function TemplateRequirements({ requirements, owned }: { requirements: TemplateRequirement[]; owned: OwnedCredentials | undefined }) {
  if (requirements.length === 0) return <p className="template-credentials">Needs no model provider or account.</p>;
  return (
    <ul className="template-requirements" aria-label="Needs">
      {requirements.map((requirement) => {
        const state = owned ? requirementState(requirement, owned) : undefined;
        const note = requirementNote(requirement, state);
        return (
          <li key={requirement.kind} data-testid="template-requirement" data-state={state ?? "unknown"} data-optional={requirement.optional} title={requirement.reason}>
            <span className="requirement-label">
              {requirement.label}
              {requirement.optional && " (optional)"}
            </span>{" "}
            <span className="requirement-note">{note}</span>
            {state === "missing" && (
              <>
                {" "}
                <Link href="/settings">Settings</Link>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}

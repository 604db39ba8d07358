// The few words after a requirement's name on a template card.
import type { RequirementState } from "@/lib/templates/requirement-state";
import type { TemplateRequirement } from "@/lib/templates/template-schema";

/** `state` undefined: the user's credentials are not known (yet); the requirement's own reason is shown. */
export function requirementNote(requirement: TemplateRequirement, state: RequirementState | undefined): string {
  if (!requirement.needsCredential) return "· runs locally, no key needed";
  if (state === "ready") return requirement.kind === "google" ? "· connected ✓" : "· you have a stored key ✓";
  if (state === "missing") {
    if (requirement.kind === "google") return requirement.optional ? "· not connected: runs on sample data until you connect it in" : "· not connected: connect it in";
    return "· no key stored: add one (or have the server set one) in";
  }
  return `· ${requirement.reason}`;
}

// Whether the user has what a template needs: compares a card's requirements with the kinds of their stored
// credentials. Apart from requirements.ts (which reads the node catalog) so the gallery page loads only this.
import type { TemplateRequirement } from "./template-schema";

/** What the user has that can satisfy a requirement: the kinds of their stored credentials ("google" once connected). */
export type OwnedCredentials = { kinds: ReadonlySet<string> };

/** "ready": nothing to do (no key needed, or one is stored); "missing": a credential of its kind is needed and none is stored. */
export type RequirementState = "ready" | "missing";

export function requirementState(requirement: TemplateRequirement, owned: OwnedCredentials): RequirementState {
  return !requirement.needsCredential || owned.kinds.has(requirement.kind) ? "ready" : "missing";
}

/** True when every requirement that is not optional is ready: the template runs as it opens. */
export function isReadyToRun(requirements: TemplateRequirement[], owned: OwnedCredentials): boolean {
  return requirements.every((requirement) => requirement.optional || requirementState(requirement, owned) === "ready");
}

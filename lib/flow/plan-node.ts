// One node of a Plan, apart from the Plan itself: the plan's summary is built from its nodes and the plan
// carries the summary, so the node shape sits below both.

export type PlanInputRef = { source: string; port: string; edgeId: string };

export type PlanNode = {
  id: string;
  /** What sentences call the node (see lib/flow/node-label.ts); the id stays in structured fields. */
  label: string;
  type: string;
  config: unknown;
  /** "handle": every used output is a model, tool or agent to be used by others; it runs silently. */
  mode: "run" | "handle";
  inputs: Record<string, PlanInputRef[]>;
  /** Input ports that receive an array. */
  multiple: string[];
  /** Output ports some edge consumes. */
  wants: string[];
  dependsOn: string[];
};

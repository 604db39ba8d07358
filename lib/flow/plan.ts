// The Plan: what the compiler hands the engine. Plain JSON (config values, ids, port names), so it can be
// stored, sent and replayed; the engine looks kinds up in the catalog by `type`.
import { pushTo } from "./multimap";
import type { ResolvedEdge } from "./compile-edges";
import type { ResolvedNode } from "./compile-nodes";
import { labelWithTitle } from "./node-label";
import { handlePortTypes } from "./ports";
import type { PlanInputRef, PlanNode } from "./plan-node";
import type { PlanSummary } from "./plan-summary";

export type { PlanInputRef, PlanNode };

export type Plan = {
  version: 1;
  /** In topological order. */
  nodes: PlanNode[];
  inputNodeId?: string;
  outputs: Array<{ nodeId: string; name: string }>;
  summary: PlanSummary;
};

/** Builds plan nodes for the live part of a checked graph, in the given topological order. */
export function buildPlanNodes(order: string[], resolved: Map<string, ResolvedNode>, edges: ResolvedEdge[]): PlanNode[] {
  const byTarget = new Map<string, ResolvedEdge[]>();
  const wants = new Map<string, Set<string>>();
  for (const edge of edges) {
    pushTo(byTarget, edge.target, edge);
    wants.set(edge.source, (wants.get(edge.source) ?? new Set()).add(edge.sourcePort.name));
  }
  return order.map((id) => {
    const entry = resolved.get(id)!;
    const incoming = sortBySourcePosition(byTarget.get(id) ?? [], resolved);
    const inputs: Record<string, PlanInputRef[]> = {};
    for (const edge of incoming) {
      (inputs[edge.targetPort.name] ??= []).push({ source: edge.source, port: edge.sourcePort.name, edgeId: edge.id });
    }
    const used = [...(wants.get(id) ?? [])];
    const outputTypes = entry.ports.outputs.filter((port) => used.includes(port.name)).map((port) => port.type);
    const isHandleOnly = outputTypes.length > 0 && outputTypes.every((type) => handlePortTypes.has(type));
    return {
      id,
      label: labelWithTitle(entry.node, entry.kind.title),
      type: entry.kind.type,
      config: entry.config,
      mode: isHandleOnly ? "handle" : "run",
      inputs,
      multiple: entry.ports.inputs.filter((port) => port.multiple).map((port) => port.name),
      wants: used,
      dependsOn: [...new Set(incoming.map((edge) => edge.source))],
    };
  });
}

// Many-edge inputs (a team's agents) arrive in the order a person sees them: top to bottom, then left to right.
function sortBySourcePosition(edges: ResolvedEdge[], resolved: Map<string, ResolvedNode>): ResolvedEdge[] {
  const position = (edge: ResolvedEdge) => resolved.get(edge.source)!.node.position;
  return [...edges].sort((left, right) => position(left).y - position(right).y || position(left).x - position(right).x);
}

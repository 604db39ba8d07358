// Step three: whole-graph checks — cycles, inputs and outputs, required ports, what will actually run.
import { pushTo } from "./multimap";
import type { ResolvedEdge } from "./compile-edges";
import type { BrokenNode, ResolvedNode } from "./compile-nodes";
import { errorDiagnostic, warningDiagnostic, type Diagnostic } from "./diagnostics";
import { findStronglyConnected } from "./graph-order";
import type { CredentialMap } from "./node-kind";

/** Names a node in a message by its label (see node-label.ts); by default, its id. */
type NodeLabeler = (nodeId: string) => string;
const byId: NodeLabeler = (nodeId) => nodeId;

/** Nodes that lead to an output node; everything else would compute for nobody and does not run. */
export function findLiveNodes(
  resolved: Map<string, ResolvedNode>,
  edges: ResolvedEdge[],
  broken: Map<string, BrokenNode> = new Map(),
): Set<string> {
  const incoming = new Map<string, string[]>();
  for (const edge of edges) pushTo(incoming, edge.target, edge.source);
  const live = new Set<string>();
  const stack = [
    ...[...resolved.values()].filter((entry) => entry.ports.outputs.length === 0).map((entry) => entry.node.id),
    ...[...broken.values()].filter((entry) => entry.isSink).map((entry) => entry.node.id),
  ];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (live.has(id)) continue;
    live.add(id);
    stack.push(...(incoming.get(id) ?? []));
  }
  return live;
}

export function checkIoNodes(resolved: Map<string, ResolvedNode>, broken: Map<string, BrokenNode> = new Map(), labelOf: NodeLabeler = byId): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const inputs = [...resolved.values()].filter((entry) => entry.kind.type === "input");
  for (const extra of inputs.slice(1)) {
    diagnostics.push(
      errorDiagnostic("multiple_inputs", `A flow takes one input, and "${labelOf(extra.node.id)}" is a second Input node; remove one.`, {
        nodeId: extra.node.id,
      }),
    );
  }
  const outputs = [...resolved.values()].filter((entry) => entry.kind.type === "output");
  const names = new Set<string>();
  for (const entry of outputs) {
    const name = (entry.config as { name: string }).name;
    if (names.has(name)) {
      diagnostics.push(
        errorDiagnostic("duplicate_output_name", `Two Output nodes are named "${name}"; give each its own name so the results can be told apart.`, {
          nodeId: entry.node.id,
          field: "name",
        }),
      );
    }
    names.add(name);
  }
  // An Output node with bad settings has its own error; saying the flow has none would send people looking.
  const hasBrokenOutput = [...broken.values()].some((entry) => entry.kind?.type === "output");
  if (outputs.length === 0 && !hasBrokenOutput) {
    diagnostics.push(errorDiagnostic("missing_output", "The flow has no Output node, so a run would have no result. Add one."));
  }
  return diagnostics;
}

export function checkCycles(nodeIds: string[], edges: ResolvedEdge[], labelOf: NodeLabeler = byId): Diagnostic[] {
  return findStronglyConnected(nodeIds, edges).map((cycle) => {
    const names = cycle.slice(0, 5).map((id) => `"${labelOf(id)}"`).join(" → ");
    return errorDiagnostic("cycle", `These nodes feed each other in a loop, so none could start: ${names}${cycle.length > 5 ? " …" : ""}.`, {
      nodeId: cycle[0],
    });
  });
}

/** Required ports, then each kind's own wiring checks, for the nodes that will run. */
export function checkWiring(
  resolved: Map<string, ResolvedNode>,
  edges: ResolvedEdge[],
  live: Set<string>,
  credentials?: CredentialMap,
  labelOf: NodeLabeler = byId,
): Diagnostic[] {
  const inputCounts = new Map<string, Record<string, number>>();
  const usedOutputs = new Map<string, Set<string>>();
  for (const edge of edges) {
    const counts = inputCounts.get(edge.target) ?? {};
    counts[edge.targetPort.name] = (counts[edge.targetPort.name] ?? 0) + 1;
    inputCounts.set(edge.target, counts);
    usedOutputs.set(edge.source, (usedOutputs.get(edge.source) ?? new Set()).add(edge.sourcePort.name));
  }
  const diagnostics: Diagnostic[] = [];
  for (const entry of resolved.values()) {
    const nodeId = entry.node.id;
    if (!live.has(nodeId)) {
      diagnostics.push(warningDiagnostic("unused_node", `"${labelOf(nodeId)}" does not lead to an Output node, so it will not run.`, { nodeId }));
      continue;
    }
    const counts = inputCounts.get(nodeId) ?? {};
    for (const port of entry.ports.inputs) {
      if (port.required && !counts[port.name]) {
        diagnostics.push(
          errorDiagnostic("required_input_missing", `Input "${port.label ?? port.name}" of "${labelOf(nodeId)}" needs a connection.`, {
            nodeId,
            field: port.name,
          }),
        );
      }
    }
    const issues = entry.kind.check?.({ config: entry.config, inputCounts: counts, usedOutputs: usedOutputs.get(nodeId) ?? new Set(), credentials }) ?? [];
    diagnostics.push(...issues.map((issue) => ({ ...issue, nodeId })));
  }
  return diagnostics;
}

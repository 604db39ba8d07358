// Step two: check every edge against the nodes and ports it names.
import { errorDiagnostic, type Diagnostic } from "./diagnostics";
import type { BrokenNode, ResolvedNode } from "./compile-nodes";
import { checkEdgePorts, takesOneEdge } from "./edge-rule";
import { findPort, type PortSpec } from "./ports";
import type { GraphEdge, GraphNode } from "./graph-schema";

/** Names a node in a message by its label (see node-label.ts). */
type NodeLabeler = (nodeId: string) => string;

export type ResolvedEdge = {
  id: string;
  source: string;
  sourcePort: PortSpec;
  target: string;
  targetPort: PortSpec;
};

export type EdgeResolution = { edges: ResolvedEdge[]; diagnostics: Diagnostic[] };

export function resolveEdges(
  edges: GraphEdge[],
  known: Map<string, GraphNode>,
  resolved: Map<string, ResolvedNode>,
  broken: Map<string, BrokenNode> = new Map(),
  labelOf: NodeLabeler = (nodeId) => nodeId,
): EdgeResolution {
  const result: EdgeResolution = { edges: [], diagnostics: [] };
  const seenIds = new Set<string>();
  for (const edge of edges) {
    if (seenIds.has(edge.id)) {
      result.diagnostics.push(errorDiagnostic("duplicate_edge_id", `Two connections share the id "${edge.id}".`, { edgeId: edge.id }));
      continue;
    }
    seenIds.add(edge.id);
    const checked = resolveEdge(edge, known, resolved, broken, labelOf);
    if (checked.isValid) result.edges.push(checked.edge);
    else if (checked.diagnostic) result.diagnostics.push(checked.diagnostic);
  }
  result.diagnostics.push(...singlePortOverflow(result.edges, labelOf));
  return result;
}

type EdgeCheck = { isValid: true; edge: ResolvedEdge } | { isValid: false; diagnostic?: Diagnostic };

function resolveEdge(
  edge: GraphEdge,
  known: Map<string, GraphNode>,
  resolved: Map<string, ResolvedNode>,
  broken: Map<string, BrokenNode>,
  labelOf: NodeLabeler,
): EdgeCheck {
  for (const end of ["source", "target"] as const) {
    if (!known.has(edge[end])) {
      return {
        isValid: false,
        diagnostic: errorDiagnostic("edge_missing_node", `A connection leads ${end === "source" ? "from" : "to"} node "${edge[end]}", which does not exist.`, {
          edgeId: edge.id,
          field: end,
        }),
      };
    }
  }
  const source = resolved.get(edge.source);
  const target = resolved.get(edge.target);
  if (!source || !target) return edgeTouchingBrokenNode(edge, source, target, broken, labelOf);
  const check = checkEdgePorts(source.ports, target.ports, edge);
  if (!check.isValid && check.problem !== "incompatible") return { isValid: false, diagnostic: missingHandle(edge, check.problem === "missing_output", labelOf) };
  const { sourcePort, targetPort } = check;
  if (!check.isValid) {
    return {
      isValid: false,
      diagnostic: errorDiagnostic(
        "edge_incompatible",
        `A ${sourcePort.type} output ("${sourcePort.name}" of "${labelOf(edge.source)}") cannot feed the ${targetPort.type} input "${targetPort.name}" of "${labelOf(edge.target)}".`,
        { edgeId: edge.id, nodeId: edge.target, field: targetPort.name },
      ),
    };
  }
  return { isValid: true, edge: { id: edge.id, source: edge.source, sourcePort, target: edge.target, targetPort } };
}

// The broken node already has its diagnostic and its ports are unknowable, so the edge is taken as drawn:
// it still counts as a connection for the node at its other end. A handle missing on a valid node is still
// that node's problem and is reported.
function edgeTouchingBrokenNode(
  edge: GraphEdge,
  source: ResolvedNode | undefined,
  target: ResolvedNode | undefined,
  broken: Map<string, BrokenNode>,
  labelOf: NodeLabeler,
): EdgeCheck {
  if ((!source && !broken.has(edge.source)) || (!target && !broken.has(edge.target))) return { isValid: false };
  const sourcePort = source ? findPort(source.ports.outputs, edge.sourceHandle) : undefined;
  const targetPort = target ? findPort(target.ports.inputs, edge.targetHandle) : undefined;
  if (source && !sourcePort) return { isValid: false, diagnostic: missingHandle(edge, true, labelOf) };
  if (target && !targetPort) return { isValid: false, diagnostic: missingHandle(edge, false, labelOf) };
  const type = sourcePort?.type ?? targetPort?.type ?? "data";
  return {
    isValid: true,
    edge: {
      id: edge.id,
      source: edge.source,
      sourcePort: sourcePort ?? { name: edge.sourceHandle ?? "", type },
      target: edge.target,
      targetPort: targetPort ?? { name: edge.targetHandle ?? "", type, multiple: true },
    },
  };
}

function missingHandle(edge: GraphEdge, isSourceSide: boolean, labelOf: NodeLabeler): Diagnostic {
  const [nodeId, handle, side] = isSourceSide ? [edge.source, edge.sourceHandle, "output"] : [edge.target, edge.targetHandle, "input"];
  return errorDiagnostic("edge_missing_handle", `Node "${labelOf(nodeId)}" has no ${side} named "${handle ?? ""}" for this connection to use.`, {
    edgeId: edge.id,
    nodeId,
    field: isSourceSide ? "sourceHandle" : "targetHandle",
  });
}

function singlePortOverflow(edges: ResolvedEdge[], labelOf: NodeLabeler): Diagnostic[] {
  const taken = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const edge of edges) {
    if (!takesOneEdge(edge.targetPort)) continue;
    const key = `${edge.target}\u0000${edge.targetPort.name}`;
    if (taken.has(key)) {
      diagnostics.push(
        errorDiagnostic("input_already_connected", `Input "${edge.targetPort.name}" of "${labelOf(edge.target)}" takes one connection, and has more.`, {
          edgeId: edge.id,
          nodeId: edge.target,
          field: edge.targetPort.name,
        }),
      );
    }
    taken.add(key);
  }
  return diagnostics;
}

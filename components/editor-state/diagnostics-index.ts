// Compiler findings sorted by what they concern, so each node and edge reads only its own.
import type { Diagnostic } from "@/lib/flow/diagnostics";

export type DiagnosticsIndex = {
  byNode: ReadonlyMap<string, Diagnostic[]>;
  byEdge: ReadonlyMap<string, Diagnostic[]>;
  /** Findings about the whole flow (no node or edge). */
  flow: Diagnostic[];
  errorCount: number;
  warningCount: number;
};

export const emptyDiagnostics: DiagnosticsIndex = { byNode: new Map(), byEdge: new Map(), flow: [], errorCount: 0, warningCount: 0 };

function push(map: Map<string, Diagnostic[]>, key: string, diagnostic: Diagnostic) {
  const list = map.get(key);
  if (list) list.push(diagnostic);
  else map.set(key, [diagnostic]);
}

export function indexDiagnostics(diagnostics: readonly Diagnostic[]): DiagnosticsIndex {
  const byNode = new Map<string, Diagnostic[]>();
  const byEdge = new Map<string, Diagnostic[]>();
  const flow: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.edgeId) push(byEdge, diagnostic.edgeId, diagnostic);
    else if (diagnostic.nodeId) push(byNode, diagnostic.nodeId, diagnostic);
    else flow.push(diagnostic);
  }
  const errorCount = diagnostics.filter((diagnostic) => diagnostic.severity === "error").length;
  return { byNode, byEdge, flow, errorCount, warningCount: diagnostics.length - errorCount };
}

/** The worst severity among a list, for colouring a node or an edge. */
export function worstSeverity(list: readonly Diagnostic[] | undefined): "error" | "warning" | undefined {
  if (!list || list.length === 0) return undefined;
  return list.some((diagnostic) => diagnostic.severity === "error") ? "error" : "warning";
}

/**
 * Edges with findings get a class and a label with the first message; the others are passed through
 * untouched, so xyflow does not re-render edges that did not change.
 */
export function decorateEdges<EdgeLike extends { id: string }>(edges: readonly EdgeLike[], byEdge: DiagnosticsIndex["byEdge"]): EdgeLike[] {
  if (byEdge.size === 0) return edges as EdgeLike[];
  return edges.map((edge) => {
    const list = byEdge.get(edge.id);
    const severity = worstSeverity(list);
    if (!severity || !list) return edge;
    return { ...edge, className: `edge-${severity}`, label: list[0]!.message, ariaLabel: `${severity}: ${list[0]!.message}` };
  });
}

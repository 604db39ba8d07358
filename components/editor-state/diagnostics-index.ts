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

/**
 * Files each finding under its edge, else its node, else the flow. With `previous` (the last index), every
 * list whose findings did not change is the previous array, and a map in which nothing changed is the previous
 * map: node faces and edges select their own list, so an edit re-renders only what its findings touched.
 */
export function indexDiagnostics(diagnostics: readonly Diagnostic[], previous?: DiagnosticsIndex): DiagnosticsIndex {
  const byNode = new Map<string, Diagnostic[]>();
  const byEdge = new Map<string, Diagnostic[]>();
  const flow: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.edgeId) push(byEdge, diagnostic.edgeId, diagnostic);
    else if (diagnostic.nodeId) push(byNode, diagnostic.nodeId, diagnostic);
    else flow.push(diagnostic);
  }
  const errorCount = diagnostics.filter((diagnostic) => diagnostic.severity === "error").length;
  return {
    byNode: previous ? keepUnchanged(byNode, previous.byNode) : byNode,
    byEdge: previous ? keepUnchanged(byEdge, previous.byEdge) : byEdge,
    flow: previous && sameFindings(flow, previous.flow) ? previous.flow : flow,
    errorCount,
    warningCount: diagnostics.length - errorCount,
  };
}

const sameFindings = (left: readonly Diagnostic[] | undefined, right: readonly Diagnostic[] | undefined) =>
  left !== undefined && right !== undefined && left.length === right.length && JSON.stringify(left) === JSON.stringify(right);

function keepUnchanged(next: Map<string, Diagnostic[]>, previous: ReadonlyMap<string, Diagnostic[]>): ReadonlyMap<string, Diagnostic[]> {
  let isSame = next.size === previous.size;
  for (const [key, list] of next) {
    const earlier = previous.get(key);
    if (sameFindings(list, earlier)) next.set(key, earlier!);
    else isSame = false;
  }
  return isSame ? previous : next;
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

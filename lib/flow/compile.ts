// graph -> { plan, diagnostics }. A graph with any error gets no plan, so it can never run.
import { z } from "zod";
import { nodeCatalog, type NodeCatalog } from "./catalog";
import { checkCycles, checkIoNodes, checkWiring, findLiveNodes } from "./compile-graph";
import { resolveEdges } from "./compile-edges";
import { resolveNodes } from "./compile-nodes";
import { errorDiagnostic, hasErrors, type Diagnostic } from "./diagnostics";
import { graphEdgeSchema, graphNodeSchema, graphVersionSchema, type FlowGraph } from "./graph-schema";
import { topologicalOrder } from "./graph-order";
import { buildPlanNodes, type Plan } from "./plan";
import { summarizePlan } from "./plan-summary";

export const MAX_NODES = 2000;
export const MAX_EDGES = 5000;

export type CompileResult = { plan: Plan | null; diagnostics: Diagnostic[] };

// The stored-graph schema rejects duplicates and dangling edges outright; the compiler reads the same shape
// leniently so it can name each such problem as a diagnostic on the node or edge concerned.
const lenientGraphSchema = z.object({
  version: graphVersionSchema,
  nodes: z.array(graphNodeSchema).default([]),
  edges: z.array(graphEdgeSchema).default([]),
});

export function compile(graph: unknown, catalog: NodeCatalog = nodeCatalog): CompileResult {
  const parsed = lenientGraphSchema.safeParse(graph);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? ` at ${issue.path.join(".")}` : "";
    return { plan: null, diagnostics: [errorDiagnostic("invalid_graph", `This is not a flow graph${where}: ${issue.message}.`)] };
  }
  return compileGraph(parsed.data, catalog);
}

export function compileGraph(graph: FlowGraph, catalog: NodeCatalog = nodeCatalog): CompileResult {
  if (graph.nodes.length > MAX_NODES || graph.edges.length > MAX_EDGES) {
    const message = `The flow has ${graph.nodes.length} nodes and ${graph.edges.length} connections; the limits are ${MAX_NODES} and ${MAX_EDGES}.`;
    return { plan: null, diagnostics: [errorDiagnostic("graph_too_large", message)] };
  }
  const nodes = resolveNodes(graph.nodes, catalog);
  const edges = resolveEdges(graph.edges, nodes.known, nodes.resolved, nodes.broken);
  const diagnostics = [...nodes.diagnostics, ...edges.diagnostics, ...checkIoNodes(nodes.resolved, nodes.broken)];
  const resolvedIds = [...nodes.resolved.keys()];
  const cycles = checkCycles([...resolvedIds, ...nodes.broken.keys()], edges.edges);
  diagnostics.push(...cycles);
  const live = findLiveNodes(nodes.resolved, edges.edges, nodes.broken);
  diagnostics.push(...checkWiring(nodes.resolved, edges.edges, live));
  if (hasErrors(diagnostics)) return { plan: null, diagnostics };

  const liveEdges = edges.edges.filter((edge) => live.has(edge.target));
  const order = topologicalOrder(resolvedIds.filter((id) => live.has(id)), liveEdges)!;
  const planNodes = buildPlanNodes(order, nodes.resolved, liveEdges);
  const plan: Plan = {
    version: 1,
    nodes: planNodes,
    inputNodeId: planNodes.find((node) => node.type === "input")?.id,
    outputs: planNodes
      .filter((node) => node.type === "output")
      .map((node) => ({ nodeId: node.id, name: (node.config as { name: string }).name })),
    summary: summarizePlan(planNodes, catalog),
  };
  return { plan, diagnostics };
}

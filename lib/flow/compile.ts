// graph -> { plan, diagnostics }. A graph with any error gets no plan, so it can never run.
import { z } from "zod";
import { nodeCatalog, type NodeCatalog } from "./catalog";
import { checkCycles, checkIoNodes, checkWiring, findLiveNodes } from "./compile-graph";
import { resolveEdges } from "./compile-edges";
import { resolveNodes } from "./compile-nodes";
import { errorDiagnostic, hasErrors, type Diagnostic } from "./diagnostics";
import { graphEdgeSchema, graphNodeSchema, graphVersionSchema, MAX_EDGES, MAX_NODES, type FlowGraph } from "./graph-schema";
import { topologicalOrder } from "./graph-order";
import { buildPlanNodes, type Plan } from "./plan";
import type { CredentialMap } from "./node-kind";
import { summarizePlan } from "./plan-summary";

export { MAX_EDGES, MAX_NODES } from "./graph-schema";

export type CompileResult = { plan: Plan | null; diagnostics: Diagnostic[] };

export type CompileOptions = {
  catalog?: NodeCatalog;
  /**
   * What the server knows of the credentials the graph names (kind and endpoint, never the secret), looked up
   * for the user who compiles or runs. With it, a model node whose credential is missing, of another kind or
   * for another endpoint gets an error diagnostic; without it (the browser) nothing is said about credentials.
   */
  credentials?: CredentialMap;
};

// The stored-graph schema rejects duplicates and dangling edges outright; the compiler reads the same shape
// leniently so it can name each such problem as a diagnostic on the node or edge concerned.
const lenientGraphSchema = z.object({
  version: graphVersionSchema,
  nodes: z.array(graphNodeSchema).default([]),
  edges: z.array(graphEdgeSchema).default([]),
});

export function compile(graph: unknown, options: CompileOptions = {}): CompileResult {
  const parsed = lenientGraphSchema.safeParse(graph);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? ` at ${issue.path.join(".")}` : "";
    return { plan: null, diagnostics: [errorDiagnostic("invalid_graph", `This is not a flow graph${where}: ${issue.message}.`)] };
  }
  return compileGraph(parsed.data, options);
}

export function compileGraph(graph: FlowGraph, { catalog = nodeCatalog, credentials }: CompileOptions = {}): CompileResult {
  if (graph.nodes.length > MAX_NODES || graph.edges.length > MAX_EDGES) {
    const message = `The flow has ${graph.nodes.length} nodes and ${graph.edges.length} connections; the limits are ${MAX_NODES} and ${MAX_EDGES}.`;
    return { plan: null, diagnostics: [errorDiagnostic("graph_too_large", message)] };
  }
  const nodes = resolveNodes(graph.nodes, catalog);
  const edges = resolveEdges(graph.edges, nodes.known, nodes.resolved, nodes.broken, nodes.labelOf);
  const diagnostics = [...nodes.diagnostics, ...edges.diagnostics, ...checkIoNodes(nodes.resolved, nodes.broken, nodes.labelOf)];
  const resolvedIds = [...nodes.resolved.keys()];
  const cycles = checkCycles([...resolvedIds, ...nodes.broken.keys()], edges.edges, nodes.labelOf);
  diagnostics.push(...cycles);
  const live = findLiveNodes(nodes.resolved, edges.edges, nodes.broken);
  diagnostics.push(...checkWiring(nodes.resolved, edges.edges, live, credentials, nodes.labelOf));
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

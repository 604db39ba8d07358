// A terse way to write graphs in code (tests, templates, the orchestrator): ports as "node.port".
import type { FlowGraph } from "./graph-schema";

export type GraphBuilder = {
  node(id: string, type: string, config?: Record<string, unknown>, position?: { x: number; y: number }): GraphBuilder;
  /** `from` and `to` are "nodeId.port"; a missing port means the node's only one. */
  edge(from: string, to: string, id?: string): GraphBuilder;
  build(): FlowGraph;
};

export function createGraphBuilder(): GraphBuilder {
  const graph: FlowGraph = { version: 1, nodes: [], edges: [] };
  const split = (end: string) => {
    const dot = end.lastIndexOf(".");
    return dot < 0 ? { id: end, port: null } : { id: end.slice(0, dot), port: end.slice(dot + 1) };
  };
  const builder: GraphBuilder = {
    node(id, type, config = {}, position) {
      graph.nodes.push({ id, type, position: position ?? { x: graph.nodes.length * 200, y: graph.nodes.length * 10 }, data: { config } });
      return builder;
    },
    edge(from, to, id) {
      const source = split(from);
      const target = split(to);
      graph.edges.push({ id: id ?? `${from}->${to}`, source: source.id, sourceHandle: source.port, target: target.id, targetHandle: target.port });
      return builder;
    },
    build: () => structuredClone(graph),
  };
  return builder;
}

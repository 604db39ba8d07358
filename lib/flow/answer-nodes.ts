// Which nodes' streamed text is a flow's answer while it runs: those wired straight into an output node.
// The OpenAI-compatible endpoint streams it; the playground shows it in the chat.

/** The least of a graph these helpers read, so the canvas's own nodes and edges fit as well as a FlowGraph. */
export type GraphShape = { nodes: ReadonlyArray<{ id: string; type?: string }>; edges: ReadonlyArray<{ source: string; target: string }> };

/** The ids of the nodes that feed an output node. */
export function answerNodeIds(graph: GraphShape): Set<string> {
  const outputs = new Set(graph.nodes.filter((node) => node.type === "output").map((node) => node.id));
  return new Set(graph.edges.filter((edge) => outputs.has(edge.target)).map((edge) => edge.source));
}

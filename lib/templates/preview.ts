// A small picture of a template's graph for its gallery card: node boxes scaled into a fixed frame, and the
// lines between them. Pure data, so the card can draw it as SVG without mounting a canvas.
import type { FlowGraph } from "@/lib/flow/graph-schema";

export type PreviewNode = { id: string; type: string; label: string; x: number; y: number };
export type PreviewEdge = { source: string; target: string };
export type GraphPreview = { width: number; height: number; nodes: PreviewNode[]; edges: PreviewEdge[] };

const labelOf = (node: FlowGraph["nodes"][number]) => (typeof node.data.label === "string" ? node.data.label : node.type);

/** Node positions mapped into `width` x `height`, keeping the aspect ratio, with at least `padding` around, centred. */
export function previewGraph(graph: FlowGraph, size = { width: 240, height: 120, padding: 12 }): GraphPreview {
  const xs = graph.nodes.map((node) => node.position.x);
  const ys = graph.nodes.map((node) => node.position.y);
  const rangeOf = (values: number[]) => (values.length === 0 ? { min: 0, span: 0 } : { min: Math.min(...values), span: Math.max(...values) - Math.min(...values) });
  const [rangeX, rangeY] = [rangeOf(xs), rangeOf(ys)];
  const scale = Math.min((size.width - 2 * size.padding) / Math.max(1, rangeX.span), (size.height - 2 * size.padding) / Math.max(1, rangeY.span));
  // Centred in the frame, so a flow laid out in one row sits in the middle rather than along the top edge.
  const offsetX = (size.width - rangeX.span * scale) / 2;
  const offsetY = (size.height - rangeY.span * scale) / 2;
  const nodes = graph.nodes.map((node) => ({
    id: node.id,
    type: node.type,
    label: labelOf(node),
    x: Math.round(offsetX + (node.position.x - rangeX.min) * scale),
    y: Math.round(offsetY + (node.position.y - rangeY.min) * scale),
  }));
  // One line per connected pair is enough at this size.
  const pairs = new Set(graph.edges.map((edge) => `${edge.source}\u0000${edge.target}`));
  const edges = [...pairs].map((pair) => {
    const [source, target] = pair.split("\u0000") as [string, string];
    return { source, target };
  });
  return { width: size.width, height: size.height, nodes, edges };
}

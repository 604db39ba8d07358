// Copy, paste and duplicate as pure transforms: a copy keeps the selected nodes and the edges between
// them; a paste gives everything fresh ids, shifts it so it does not hide the original, and selects it.
import type { GraphEdge, GraphNode } from "@/lib/flow/graph-schema";
import { toCanvasEdge, toGraphEdge, toGraphNode, type CanvasEdge, type CanvasNode } from "./graph-mapping";

export type ClipboardContent = { nodes: GraphNode[]; edges: GraphEdge[] };

export function copySelection(nodes: readonly CanvasNode[], edges: readonly CanvasEdge[]): ClipboardContent | null {
  const selected = nodes.filter((node) => node.selected);
  if (selected.length === 0) return null;
  const ids = new Set(selected.map((node) => node.id));
  return {
    nodes: selected.map((node) => structuredClone(toGraphNode(node))),
    edges: edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target)).map(toGraphEdge),
  };
}

export type PasteOptions = { offset: { x: number; y: number }; makeId: (prefix: string) => string };

export function pasteClipboard(content: ClipboardContent, { offset, makeId }: PasteOptions): { nodes: CanvasNode[]; edges: CanvasEdge[] } {
  const newIds = new Map(content.nodes.map((node) => [node.id, makeId(node.type)]));
  const nodes: CanvasNode[] = content.nodes.map((node) => ({
    id: newIds.get(node.id)!,
    type: node.type,
    position: { x: node.position.x + offset.x, y: node.position.y + offset.y },
    data: structuredClone(node.data),
    selected: true,
  }));
  const edges: CanvasEdge[] = content.edges.map((edge) => ({
    ...toCanvasEdge(edge),
    id: makeId("edge"),
    source: newIds.get(edge.source)!,
    target: newIds.get(edge.target)!,
  }));
  return { nodes, edges };
}

/** The clipboard moved by `offset`: after each paste, so the next one lands beside it rather than on top of it. */
export function shiftClipboard(content: ClipboardContent, offset: { x: number; y: number }): ClipboardContent {
  return {
    nodes: content.nodes.map((node) => ({ ...node, position: { x: node.position.x + offset.x, y: node.position.y + offset.y } })),
    edges: content.edges,
  };
}

/** A short random id, readable in the DOM and unique enough for one graph. */
export function makeNodeId(prefix: string): string {
  const safePrefix = prefix.replace(/[^A-Za-z0-9]+/g, "-").slice(0, 24);
  return `${safePrefix}-${Math.random().toString(36).slice(2, 10)}`;
}

// The graph document and @xyflow/react's nodes and edges share one shape; this keeps the stored document
// lean (no selection, measurements or view flags) on the way back.
import type { Edge, Node } from "@xyflow/react";
import { GRAPH_VERSION, type FlowGraph, type GraphEdge, type GraphNode } from "@/lib/flow/graph-schema";

export type CanvasNodeData = Record<string, unknown> & { config?: unknown; label?: string };
export type CanvasNode = Node<CanvasNodeData>;
export type CanvasEdge = Edge;

export function toCanvasNode(node: GraphNode): CanvasNode {
  return { id: node.id, type: node.type, position: { ...node.position }, data: { ...node.data } };
}

export function toCanvasEdge(edge: GraphEdge): CanvasEdge {
  return {
    id: edge.id,
    source: edge.source,
    sourceHandle: edge.sourceHandle ?? null,
    target: edge.target,
    targetHandle: edge.targetHandle ?? null,
  };
}

export function toCanvas(graph: FlowGraph): { nodes: CanvasNode[]; edges: CanvasEdge[] } {
  return { nodes: graph.nodes.map(toCanvasNode), edges: graph.edges.map(toCanvasEdge) };
}

export function toGraphNode(node: Pick<CanvasNode, "id" | "type" | "position" | "data">): GraphNode {
  return { id: node.id, type: node.type ?? "", position: { x: node.position.x, y: node.position.y }, data: { ...node.data } };
}

export function toGraphEdge(edge: Pick<CanvasEdge, "id" | "source" | "sourceHandle" | "target" | "targetHandle">): GraphEdge {
  return {
    id: edge.id,
    source: edge.source,
    sourceHandle: edge.sourceHandle ?? null,
    target: edge.target,
    targetHandle: edge.targetHandle ?? null,
  };
}

export function toFlowGraph(nodes: readonly CanvasNode[], edges: readonly CanvasEdge[]): FlowGraph {
  return { version: GRAPH_VERSION, nodes: nodes.map(toGraphNode), edges: edges.map(toGraphEdge) };
}

// Document edits as pure functions of the canvas content; the editor store wraps each in an undo step.
import { defaultConfig, getNodeKind, readNodeConfig } from "@/lib/flow/catalog";
import { pasteClipboard, type ClipboardContent } from "./clipboard";
import { checkConnection, connectEdge, type ConnectionRequest } from "./connection-rules";
import type { CanvasEdge, CanvasNode } from "./graph-mapping";

export type CanvasContent = { nodes: CanvasNode[]; edges: CanvasEdge[] };
type MakeId = (prefix: string) => string;

export function addNodeOfKind(content: CanvasContent, type: string, position: { x: number; y: number }, makeId: MakeId): CanvasContent {
  const kind = getNodeKind(type);
  if (!kind) return content;
  const node: CanvasNode = { id: makeId(type), type, position, data: { config: defaultConfig(kind) }, selected: true };
  return { nodes: [...content.nodes.map((other) => (other.selected ? { ...other, selected: false } : other)), node], edges: content.edges };
}

export type ConnectOutcome = { content: CanvasContent; refusal?: string };

export function connectNodes(content: CanvasContent, request: ConnectionRequest, makeId: MakeId): ConnectOutcome {
  const check = checkConnection(request, content.nodes);
  if (!check.ok) return { content, refusal: check.reason };
  return { content: { nodes: content.nodes, edges: connectEdge(content.edges, request, check.targetPort, makeId("edge")) } };
}

export function setConfigField(content: CanvasContent, nodeId: string, field: string, value: unknown): CanvasContent {
  return {
    nodes: content.nodes.map((node) => {
      if (node.id !== nodeId) return node;
      const config = { ...(readNodeConfig(node) as Record<string, unknown>), [field]: value };
      return { ...node, data: { ...node.data, config } };
    }),
    edges: content.edges,
  };
}

export function setNodeLabel(content: CanvasContent, nodeId: string, label: string): CanvasContent {
  return { nodes: content.nodes.map((node) => (node.id === nodeId ? { ...node, data: { ...node.data, label } } : node)), edges: content.edges };
}

/** Removes the selected nodes with every edge touching them, and the selected edges. */
export function deleteSelection(content: CanvasContent): CanvasContent {
  const removed = new Set(content.nodes.filter((node) => node.selected).map((node) => node.id));
  return {
    nodes: content.nodes.filter((node) => !removed.has(node.id)),
    edges: content.edges.filter((edge) => !edge.selected && !removed.has(edge.source) && !removed.has(edge.target)),
  };
}

export function hasSelection(content: CanvasContent): boolean {
  return content.nodes.some((node) => node.selected) || content.edges.some((edge) => edge.selected);
}

export function selectAll(content: CanvasContent): CanvasContent {
  return {
    nodes: content.nodes.map((node) => (node.selected ? node : { ...node, selected: true })),
    edges: content.edges.map((edge) => (edge.selected ? edge : { ...edge, selected: true })),
  };
}

/** Adds a clipboard's content, selected, with everything that was selected before deselected. */
export function pasteInto(content: CanvasContent, clipboard: ClipboardContent, offset: { x: number; y: number }, makeId: MakeId): CanvasContent {
  const pasted = pasteClipboard(clipboard, { offset, makeId });
  return {
    nodes: [...content.nodes.map((node) => (node.selected ? { ...node, selected: false } : node)), ...pasted.nodes],
    edges: [...content.edges.map((edge) => (edge.selected ? { ...edge, selected: false } : edge)), ...pasted.edges],
  };
}

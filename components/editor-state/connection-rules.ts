// Which connections the canvas accepts, and why it refuses the others. The rule itself is the compiler's
// (lib/flow/edge-rule.ts), so a connection allowed here is one the compiler accepts; this words it for a
// person and applies it to the canvas's edge list.
import { getNodeKind, nodeCatalog, type NodeCatalog } from "@/lib/flow/catalog";
import { checkEdgePorts, takesOneEdge } from "@/lib/flow/edge-rule";
import type { PortSpec } from "@/lib/flow/ports";
import type { CanvasEdge } from "./graph-mapping";
import { portsOfNode } from "./node-config";

export type ConnectionRequest = {
  source: string;
  sourceHandle?: string | null;
  target: string;
  targetHandle?: string | null;
};

type NodeLike = { id: string; type?: string; data?: Record<string, unknown> };

export type ConnectionCheck = { ok: true; targetPort: PortSpec } | { ok: false; reason: string };

const portLabel = (port: PortSpec) => port.label ?? port.name;

export function checkConnection(request: ConnectionRequest, nodes: readonly NodeLike[], catalog: NodeCatalog = nodeCatalog): ConnectionCheck {
  if (request.source === request.target) return { ok: false, reason: "A node cannot be connected to itself." };
  const source = nodes.find((node) => node.id === request.source);
  const target = nodes.find((node) => node.id === request.target);
  if (!source || !target) return { ok: false, reason: "One end of this connection is not on the canvas." };
  const sourceKind = getNodeKind(source.type ?? "", catalog);
  const targetKind = getNodeKind(target.type ?? "", catalog);
  if (!sourceKind || !targetKind) return { ok: false, reason: "One end of this connection is of an unknown kind." };
  const noPorts = { inputs: [], outputs: [] };
  const check = checkEdgePorts(portsOfNode(source, catalog) ?? noPorts, portsOfNode(target, catalog) ?? noPorts, request);
  if (check.isValid) return { ok: true, targetPort: check.targetPort };
  if (check.problem !== "incompatible") return { ok: false, reason: "Connect an output (right side) to an input (left side)." };
  const { sourcePort: from, targetPort: to } = check;
  return {
    ok: false,
    reason: `${sourceKind.title} "${portLabel(from)}" gives ${from.type}, but ${targetKind.title} "${portLabel(to)}" takes ${to.type}.`,
  };
}

const sameEnd = (edge: CanvasEdge, request: ConnectionRequest) =>
  edge.target === request.target && (edge.targetHandle ?? null) === (request.targetHandle ?? null);

/** The edges a new connection replaces: the old edge into an input that takes only one. */
export function edgesReplacedBy(edges: readonly CanvasEdge[], request: ConnectionRequest, targetPort: PortSpec): CanvasEdge[] {
  if (!takesOneEdge(targetPort)) return [];
  return edges.filter((edge) => sameEnd(edge, request));
}

export function isDuplicateEdge(edges: readonly CanvasEdge[], request: ConnectionRequest): boolean {
  return edges.some(
    (edge) => sameEnd(edge, request) && edge.source === request.source && (edge.sourceHandle ?? null) === (request.sourceHandle ?? null),
  );
}

/** The edge list after a checked connection: the new edge added, a single-edge port's old edge removed. */
export function connectEdge(edges: readonly CanvasEdge[], request: ConnectionRequest, targetPort: PortSpec, id: string): CanvasEdge[] {
  if (isDuplicateEdge(edges, request)) return [...edges];
  const replaced = new Set(edgesReplacedBy(edges, request, targetPort).map((edge) => edge.id));
  const edge: CanvasEdge = {
    id,
    source: request.source,
    sourceHandle: request.sourceHandle ?? null,
    target: request.target,
    targetHandle: request.targetHandle ?? null,
  };
  return [...edges.filter((existing) => !replaced.has(existing.id)), edge];
}

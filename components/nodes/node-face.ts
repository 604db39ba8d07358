// What a node's face shows, derived from the catalog once per `data` object: xyflow re-renders a node
// when it is measured, selected or moved, and none of those change its title, name, summary or ports.
import { getNodeKind, readNodeConfig } from "@/lib/flow/catalog";
import { readsSampleData, type NodeCategory } from "@/lib/flow/node-kind";
import type { NodePorts } from "@/lib/flow/ports";
import { effectiveConfig, nodeName, portsOfNode, summarizeNode } from "@/components/editor-state/node-config";

export type NodeFace = {
  title: string;
  category: NodeCategory | "unknown";
  name: string;
  summary: string;
  ports: NodePorts;
  /** A node reading made-up data instead of its connected account, as its kind declares (the Sample badge). */
  isSample: boolean;
};

const cache = new WeakMap<object, Map<string, NodeFace>>();

function computeFace(id: string, type: string, data: Record<string, unknown>): NodeFace {
  const kind = getNodeKind(type);
  const node = { id, type, data };
  return {
    title: kind?.title ?? `Unknown kind "${type}"`,
    category: kind?.category ?? "unknown",
    name: nodeName(node),
    summary: kind ? summarizeNode(kind, readNodeConfig({ data })) : "",
    ports: portsOfNode(node) ?? { inputs: [], outputs: [] },
    isSample: kind ? readsSampleData(kind, effectiveConfig(kind, readNodeConfig({ data }))) : false,
  };
}

export function nodeFace(id: string, type: string, data: Record<string, unknown>): NodeFace {
  let byNode = cache.get(data);
  if (!byNode) cache.set(data, (byNode = new Map()));
  const key = `${type}\u0000${id}`;
  let face = byNode.get(key);
  if (!face) byNode.set(key, (face = computeFace(id, type, data)));
  return face;
}

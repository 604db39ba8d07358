// What a node's face shows, derived from the catalog once per `data` object: xyflow re-renders a node
// when it is measured, selected or moved, and none of those change its title, name, summary or ports.
import { getNodeKind, readNodeConfig } from "@/lib/flow/catalog";
import { readsSampleData, type NodeCategory } from "@/lib/flow/node-kind";
import type { NodePorts } from "@/lib/flow/ports";
import { effectiveConfig, nodeName, portsOfConfig, summarizeConfig } from "@/components/editor-state/node-config";

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

const noPorts: NodePorts = { inputs: [], outputs: [] };

function computeFace(id: string, type: string, data: Record<string, unknown>): NodeFace {
  const kind = getNodeKind(type);
  const name = nodeName({ id, type, data });
  if (!kind) return { title: `Unknown kind "${type}"`, category: "unknown", name, summary: "", ports: noPorts, isSample: false };
  // Parsed once for summary, ports and badge: a large flow opens with one config parse per node, not three.
  const config = effectiveConfig(kind, readNodeConfig({ data }));
  return {
    title: kind.title,
    category: kind.category,
    name,
    summary: summarizeConfig(kind, config),
    ports: portsOfConfig(kind, config),
    isSample: readsSampleData(kind, config),
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

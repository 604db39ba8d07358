// What the canvas needs to know about one node, read from the catalog: its kind, effective config, ports
// and name. Nothing here knows a particular kind.
import { defaultConfig, getNodeKind, nodeCatalog, readNodeConfig, type NodeCatalog } from "@/lib/flow/catalog";
import type { AnyNodeKind } from "@/lib/flow/node-kind";
import { nodeLabel } from "@/lib/flow/node-label";
import type { NodePorts } from "@/lib/flow/ports";

type NodeLike = { id: string; type?: string; data?: Record<string, unknown> };

/**
 * The config as the kind sees it. While a field holds an invalid value the rest still counts (a prompt's
 * placeholders keep their ports while its temperature is being retyped), so invalid input falls back to
 * the raw values over the defaults rather than to the defaults alone.
 */
export function effectiveConfig(kind: AnyNodeKind, raw: unknown): Record<string, unknown> {
  const parsed = kind.configSchema.safeParse(raw);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  return { ...(defaultConfig(kind) as Record<string, unknown>), ...(raw as Record<string, unknown>) };
}

export function portsOfNode(node: NodeLike, catalog: NodeCatalog = nodeCatalog): NodePorts | undefined {
  const kind = node.type ? getNodeKind(node.type, catalog) : undefined;
  if (!kind) return undefined;
  return portsOfConfig(kind, effectiveConfig(kind, readNodeConfig({ data: node.data ?? {} })));
}

/** The ports for a config already made effective (see effectiveConfig), so a caller that needs more than the ports parses it once. */
export function portsOfConfig(kind: AnyNodeKind, config: Record<string, unknown>): NodePorts {
  try {
    return kind.ports(config);
  } catch {
    // A half-typed config may not be something `ports` can read; show no ports rather than crash the canvas.
    return { inputs: [], outputs: [] };
  }
}

/** The kind's one-line summary of an effective config (see effectiveConfig); "" when it has none or cannot read it. */
export function summarizeConfig(kind: AnyNodeKind, config: Record<string, unknown>): string {
  try {
    return kind.summarize?.(config) ?? "";
  } catch {
    return "";
  }
}

/** The name shown under a node's title: the name every surface calls it by (see lib/flow/node-label.ts). */
export const nodeName = (node: NodeLike): string => nodeLabel(node);

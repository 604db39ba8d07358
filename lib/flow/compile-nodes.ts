// Step one of compiling: find each node's kind, validate its config, and work out its ports.
import type { z } from "zod";
import { getNodeKind, readNodeConfig, type NodeCatalog } from "./catalog";
import { errorDiagnostic, type Diagnostic } from "./diagnostics";
import type { GraphNode } from "./graph-schema";
import type { AnyNodeKind } from "./node-kind";
import { labelWithTitle } from "./node-label";
import type { NodePorts } from "./ports";

export type ResolvedNode = {
  node: GraphNode;
  kind: AnyNodeKind;
  config: unknown;
  ports: NodePorts;
};

/**
 * A node that already has its own error (unknown kind or invalid settings). Its edges still count, so the
 * nodes around it are not blamed for connections that are there; `isSink` says whether it ends a path.
 */
export type BrokenNode = { node: GraphNode; kind?: AnyNodeKind; isSink: boolean };

export type NodeResolution = {
  /** Nodes whose kind is known and whose config is valid. */
  resolved: Map<string, ResolvedNode>;
  /** Nodes with an error of their own, reported once on the node. */
  broken: Map<string, BrokenNode>;
  /** Every node id in the graph, including the ones that failed to resolve. */
  known: Map<string, GraphNode>;
  /** What messages call a node, by id (see node-label.ts); an id not in the graph reads as itself. */
  labelOf: (nodeId: string) => string;
  diagnostics: Diagnostic[];
};

export function resolveNodes(nodes: GraphNode[], catalog: NodeCatalog): NodeResolution {
  const labels = new Map<string, string>();
  const labelOf = (nodeId: string) => labels.get(nodeId) ?? nodeId;
  const result: NodeResolution = { resolved: new Map(), broken: new Map(), known: new Map(), labelOf, diagnostics: [] };
  for (const node of nodes) {
    if (result.known.has(node.id)) {
      result.diagnostics.push(
        errorDiagnostic("duplicate_node_id", `Two nodes share the id "${node.id}"; every node needs its own.`, { nodeId: node.id }),
      );
      continue;
    }
    result.known.set(node.id, node);
    const kind = getNodeKind(node.type, catalog);
    labels.set(node.id, labelWithTitle(node, kind?.title));
    if (!kind) {
      result.diagnostics.push(
        errorDiagnostic("unknown_kind", `Node "${labelOf(node.id)}" is of kind "${node.type}", which this version does not know.`, {
          nodeId: node.id,
        }),
      );
      result.broken.set(node.id, { node, isSink: true });
      continue;
    }
    const parsed = kind.configSchema.safeParse(readNodeConfig(node));
    if (!parsed.success) {
      result.diagnostics.push(...configDiagnostics(node, labelOf(node.id), kind, parsed.error));
      result.broken.set(node.id, { node, kind, isSink: hasNoOutputs(kind) });
      continue;
    }
    result.resolved.set(node.id, { node, kind, config: parsed.data, ports: kind.ports(parsed.data) });
  }
  return result;
}

// Whether the kind ends a path (as Output does), judged on its default settings; unknowable counts as yes.
function hasNoOutputs(kind: AnyNodeKind): boolean {
  const defaults = kind.configSchema.safeParse({});
  return !defaults.success || kind.ports(defaults.data).outputs.length === 0;
}

function configDiagnostics(node: GraphNode, label: string, kind: AnyNodeKind, error: z.ZodError): Diagnostic[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join(".");
    const where = field ? `setting "${field}"` : "settings";
    return errorDiagnostic("invalid_config", `The ${where} of ${kind.title} node "${label}" is invalid: ${issue.message}.`, {
      nodeId: node.id,
      field: field || undefined,
    });
  });
}

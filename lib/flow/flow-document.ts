// A flow as it leaves its owner: export files and shared links. Secrets never live in a graph (provider
// nodes name a stored credential), but a graph is user data, so anything shaped like a secret is removed
// on the way out as well, and so are credential references, which mean nothing outside this server.
import { z } from "zod";
import { flowDescriptionSchema, flowNameSchema } from "./flow-inputs";
import { flowGraphInputSchema, type FlowGraph } from "./graph-schema";

export const FLOW_DOCUMENT_FORMAT = "osmen-flow";

export const flowDocumentSchema = z.object({
  format: z.literal(FLOW_DOCUMENT_FORMAT, { error: `format must be "${FLOW_DOCUMENT_FORMAT}": this is not an OsMEN Studio flow export` }),
  formatVersion: z.literal(1, { error: "formatVersion must be 1" }),
  name: flowNameSchema,
  description: flowDescriptionSchema.default(""),
  graph: flowGraphInputSchema,
  exportedAt: z.string().optional(),
});

export type FlowDocument = z.output<typeof flowDocumentSchema>;

const secretKeyPattern = /^(api[-_]?key|secret|client[-_]?secret|password|passphrase|token|access[-_]?token|refresh[-_]?token|authorization|credential[-_]?id)$/i;

function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !secretKeyPattern.test(key))
      .map(([key, entry]) => [key, withoutSecrets(entry)]),
  );
}

/** The graph with every secret-looking setting and credential reference removed from node data. */
export function sanitizeGraph(graph: FlowGraph): FlowGraph {
  return { ...graph, nodes: graph.nodes.map((node) => ({ ...node, data: withoutSecrets(node.data) as Record<string, unknown> })) };
}

export function toFlowDocument(flow: { name: string; description: string; graph: FlowGraph }, exportedAt = new Date()): FlowDocument {
  return {
    format: FLOW_DOCUMENT_FORMAT,
    formatVersion: 1,
    name: flow.name,
    description: flow.description,
    graph: sanitizeGraph(flow.graph),
    exportedAt: exportedAt.toISOString(),
  };
}

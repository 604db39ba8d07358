// A flow as it leaves its owner: export files and shared links. Secrets never live in a graph (provider
// nodes name a stored credential), but a graph is user data, so anything shaped like a secret is removed
// on the way out as well (strip-secrets.ts), and so are credential references, which mean nothing elsewhere.
import { z } from "zod";
import { flowDescriptionSchema, flowNameSchema } from "./flow-inputs";
import { flowGraphInputSchema, type FlowGraph } from "./graph-schema";
import { stripFlowSecrets, stripSecrets } from "./strip-secrets.ts";

export const FLOW_DOCUMENT_FORMAT = "osmen-flow" as const;

export const flowDocumentSchema = z.object({
  format: z.literal(FLOW_DOCUMENT_FORMAT, { error: `format must be "${FLOW_DOCUMENT_FORMAT}": this is not an OsMEN Studio flow export` }),
  formatVersion: z.literal(1, { error: "formatVersion must be 1" }),
  name: flowNameSchema,
  description: flowDescriptionSchema.default(""),
  graph: flowGraphInputSchema,
  exportedAt: z.string().optional(),
  /** What the export removed (informational; an import ignores it). No `nodeId`: the flow's name or description. */
  removedSecrets: z.array(z.object({ nodeId: z.string().optional(), path: z.string(), reason: z.string() })).optional(),
});

export type FlowDocument = z.output<typeof flowDocumentSchema>;

/** The graph with every secret removed (see strip-secrets.ts): what export, share views and duplicates carry. */
export const sanitizeGraph = (graph: FlowGraph): FlowGraph => stripSecrets(graph).graph;

/**
 * A flow as it leaves its owner (export, share view, duplicate): name, description and graph without secrets,
 * and what was removed (see stripFlowSecrets).
 */
export function withoutSecrets(flow: { name: string; description: string; graph: FlowGraph }) {
  const { flow: stripped, removed } = stripFlowSecrets({ name: flow.name, description: flow.description, graph: flow.graph });
  return { name: stripped.name, description: stripped.description, graph: stripped.graph, removed };
}

/** An export file: the flow without its secrets, listing each one removed so the reader knows what to fill in. */
export function toFlowDocument(flow: { name: string; description: string; graph: FlowGraph }, exportedAt = new Date()): FlowDocument {
  const stripped = withoutSecrets(flow);
  return {
    format: FLOW_DOCUMENT_FORMAT,
    formatVersion: 1,
    name: stripped.name,
    description: stripped.description,
    graph: stripped.graph,
    exportedAt: exportedAt.toISOString(),
    removedSecrets: stripped.removed,
  };
}

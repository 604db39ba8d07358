// The graph document that travels from the canvas to storage to the compiler. Shaped like @xyflow/react's
// nodes and edges so the canvas needs no translation layer.
import { z } from "zod";

export const GRAPH_VERSION = 1;
export const MAX_GRAPH_BYTES = 5 * 1024 * 1024;

/**
 * The format version of a graph document. Missing means today's; a higher one was written by a newer
 * release whose documents this server cannot promise to read, so it is refused rather than stored as is.
 */
export const graphVersionSchema = z
  .number()
  .int()
  .positive()
  .superRefine((version, context) => {
    if (version > GRAPH_VERSION) {
      context.addIssue({
        code: "custom",
        message: `this flow was saved by a newer version of OsMEN Studio (graph format ${version}); this server reads format ${GRAPH_VERSION}. Update OsMEN Studio to open it`,
      });
    }
  })
  .default(GRAPH_VERSION);

const identifier = z.string().min(1, "must not be empty").max(200, "must be at most 200 characters");

export const graphNodeSchema = z
  .object({
    id: identifier,
    type: z.string().min(1, "must name a node kind").max(100),
    position: z.object({ x: z.number().finite(), y: z.number().finite() }),
    /** A node's settings; anything missing falls back to the kind's defaults. */
    data: z.record(z.string(), z.unknown()).default({}),
  })
  // The canvas may send extra view fields (width, selected, ...): keep the stored document lean.
  .strip();

export const graphEdgeSchema = z
  .object({
    id: identifier,
    source: identifier,
    sourceHandle: z.string().max(200).nullish(),
    target: identifier,
    targetHandle: z.string().max(200).nullish(),
  })
  .strip();

export const flowGraphSchema = z
  .object({
    version: graphVersionSchema,
    nodes: z.array(graphNodeSchema).default([]),
    edges: z.array(graphEdgeSchema).default([]),
  })
  .superRefine((graph, context) => {
    const nodeIds = new Set<string>();
    graph.nodes.forEach((node, index) => {
      if (nodeIds.has(node.id)) {
        context.addIssue({ code: "custom", path: ["nodes", index, "id"], message: `duplicate node id "${node.id}"` });
      }
      nodeIds.add(node.id);
    });
    const edgeIds = new Set<string>();
    graph.edges.forEach((edge, index) => {
      if (edgeIds.has(edge.id)) {
        context.addIssue({ code: "custom", path: ["edges", index, "id"], message: `duplicate edge id "${edge.id}"` });
      }
      edgeIds.add(edge.id);
      for (const end of ["source", "target"] as const) {
        if (!nodeIds.has(edge[end])) {
          context.addIssue({
            code: "custom",
            path: ["edges", index, end],
            message: `edge "${edge.id}" points to unknown node "${edge[end]}"`,
          });
        }
      }
    });
  });

export type FlowGraph = z.output<typeof flowGraphSchema>;
export type FlowGraphInput = z.input<typeof flowGraphSchema>;
export type GraphNode = FlowGraph["nodes"][number];
export type GraphEdge = FlowGraph["edges"][number];

export const emptyGraph = (): FlowGraph => ({ version: GRAPH_VERSION, nodes: [], edges: [] });

/** Serialized size in bytes, the measure the 5 MB limit applies to. */
export function graphByteSize(graph: unknown): number {
  return new TextEncoder().encode(JSON.stringify(graph) ?? "").length;
}

/** What an API accepts as a graph: the size is checked before the shape, so an oversized graph costs little. */
export const flowGraphInputSchema = z
  .unknown()
  .superRefine((value, context) => {
    const bytes = graphByteSize(value);
    if (bytes > MAX_GRAPH_BYTES) {
      context.addIssue({
        code: "custom",
        message: `graph is ${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is 5 MB`,
        fatal: true,
      });
    }
  })
  .pipe(flowGraphSchema);

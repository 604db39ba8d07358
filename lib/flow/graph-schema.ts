// The graph document that travels from the canvas to storage to the compiler. Shaped like @xyflow/react's
// nodes and edges so the canvas needs no translation layer.
import { z } from "zod";
import { plainRecord } from "../plain-data.ts";

export const GRAPH_VERSION = 1;
export const MAX_GRAPH_BYTES = 5 * 1024 * 1024;

const identifier = z.string().min(1, "must not be empty").max(200, "must be at most 200 characters");

export const graphNodeSchema = z
  .object({
    id: identifier,
    type: z.string().min(1, "must name a node kind").max(100),
    position: z.object({ x: z.number().finite(), y: z.number().finite() }),
    /** A node's settings; anything missing falls back to the kind's defaults. */
    // plainRecord, not z.record: a key named `__proto__` in a node's settings stays a key.
    data: plainRecord(z.unknown()).default({}),
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
    version: z.number().int().positive().default(GRAPH_VERSION),
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

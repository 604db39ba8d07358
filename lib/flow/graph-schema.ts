// The graph document that travels from the canvas to storage to the compiler. Shaped like @xyflow/react's
// nodes and edges so the canvas needs no translation layer.
import { z } from "zod";
import { plainRecord } from "../plain-data.ts";
import { jsonDepth } from "../storable-data.ts";
import { getNodeKind, readNodeConfig } from "./catalog.ts";

export const GRAPH_VERSION = 1;
export const MAX_GRAPH_BYTES = 5 * 1024 * 1024;
/** The compiler's limits; a save or an import past them is refused too, so no flow is stored that can never run. */
export const MAX_NODES = 2000;
export const MAX_EDGES = 5000;
/**
 * How deep a node's settings may nest (objects and arrays; `data` itself is level 1). Far past any kind's own
 * config, and under the stored JSON bound (lib/storable-data.ts), so a saved graph reads back as it was sent.
 */
export const MAX_NODE_DATA_DEPTH = 32;

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

/** `value[key]` when it is an array (a graph not yet checked for shape), else none. */
const itemsOf = (value: unknown, key: string): unknown[] => {
  const items = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return Array.isArray(items) ? items : [];
};
const lengthOf = (value: unknown, key: string) => itemsOf(value, key).length;

/**
 * Size limits of node settings (a URL's length, a body's size), checked at save with each kind's own
 * config schema. Only limits: a half-finished setting is a draft the canvas may save; one past its limit
 * would fail every run, so it is refused where it is typed.
 */
function checkFieldLimits(graph: FlowGraph, context: z.RefinementCtx) {
  graph.nodes.forEach((node, index) => {
    const kind = getNodeKind(node.type);
    if (!kind) return;
    const parsed = kind.configSchema.safeParse(readNodeConfig(node));
    for (const issue of parsed.error?.issues ?? []) {
      if (issue.code !== "too_big") continue;
      const field = issue.path.map(String).join(".");
      context.addIssue({ code: "custom", path: ["nodes", index, "data", "config", ...issue.path], message: `node "${node.id}" ${field}: ${issue.message}` });
    }
  });
}

/** Graph, nodes, a node: the levels above a node's `data`. */
const LEVELS_ABOVE_NODE_DATA = 3;

/**
 * Adds an issue naming the node and the fix for each node whose `data` nests past MAX_NODE_DATA_DEPTH, and one
 * for a graph nested as deep elsewhere. Answers whether the graph is within the limit.
 */
function checkNodeDataDepth(value: unknown, context: z.RefinementCtx): boolean {
  const graphLimit = MAX_NODE_DATA_DEPTH + LEVELS_ABOVE_NODE_DATA;
  if (jsonDepth(value, graphLimit + 1) <= graphLimit) return true;
  let deepNodes = 0;
  itemsOf(value, "nodes").forEach((node, index) => {
    const data = typeof node === "object" && node !== null ? (node as Record<string, unknown>).data : undefined;
    if (jsonDepth(data, MAX_NODE_DATA_DEPTH + 1) <= MAX_NODE_DATA_DEPTH) return;
    deepNodes += 1;
    const id = (node as { id?: unknown }).id;
    context.addIssue({
      code: "custom",
      path: ["nodes", index, "data"],
      message: `node ${typeof id === "string" ? `"${id}" ` : ""}settings nest deeper than the limit of ${MAX_NODE_DATA_DEPTH} levels; flatten them, or keep deeply nested data as JSON text in a string field`,
      fatal: true,
    });
  });
  if (deepNodes === 0) context.addIssue({ code: "custom", message: `graph nests deeper than the limit of ${graphLimit} levels; flatten it`, fatal: true });
  return false;
}

/**
 * What an API accepts as a graph (save, import, compile): the nesting of each node's settings (Prisma and the
 * databases refuse JSON past a depth), the size and the node and edge counts are checked before the shape, so
 * an oversized graph costs little; then the shape; then each setting's limit.
 */
export const flowGraphInputSchema = z
  .unknown()
  .superRefine((value, context) => {
    // First, with walks bounded by the limit: measuring the size of JSON nested thousands deep overflows the stack.
    if (!checkNodeDataDepth(value, context)) return;
    const bytes = graphByteSize(value);
    if (bytes > MAX_GRAPH_BYTES) {
      context.addIssue({
        code: "custom",
        message: `graph is ${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is 5 MB`,
        fatal: true,
      });
      return;
    }
    const nodes = lengthOf(value, "nodes");
    const edges = lengthOf(value, "edges");
    if (nodes > MAX_NODES || edges > MAX_EDGES) {
      context.addIssue({
        code: "custom",
        message: `graph has ${nodes} nodes and ${edges} connections; the limits are ${MAX_NODES} nodes and ${MAX_EDGES} connections. Split it into smaller flows.`,
        fatal: true,
      });
    }
  })
  .pipe(flowGraphSchema.superRefine(checkFieldLimits));

// Seeds data through the app's own tRPC HTTP API (superjson envelope, one call per request), returning
// what the server created, so tests never depend on the UI to set themselves up.
import type { APIRequestContext } from "@playwright/test";

type FlowGraph = { version: number; nodes: GraphNode[]; edges: GraphEdge[] };
/** What the API accepts: handles may be left out (a node's only port), as in lib/flow/graph-schema. */
export type GraphInput = {
  version?: number;
  nodes: GraphNode[];
  edges: Array<Omit<GraphEdge, "sourceHandle" | "targetHandle"> & { sourceHandle?: string | null; targetHandle?: string | null }>;
};
export type GraphNode = { id: string; type: string; position: { x: number; y: number }; data: Record<string, unknown> };
export type GraphEdge = { id: string; source: string; sourceHandle: string | null; target: string; targetHandle: string | null };
export type SeededFlow = { id: string; name: string; version: number; graph: FlowGraph };

async function call<Output>(request: APIRequestContext, kind: "query" | "mutation", path: string, input: unknown): Promise<Output> {
  const response =
    kind === "mutation"
      ? // Sent as the app's own page would be: the boundary refuses mutations from anywhere else.
        await request.post(`/api/trpc/${path}`, { data: { json: input }, headers: { "sec-fetch-site": "same-origin" } })
      : await request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  const body = (await response.json()) as { result?: { data: { json: Output } }; error?: { json: { message: string } } };
  if (!response.ok() || !body.result) throw new Error(`${path} failed (${response.status()}): ${body.error?.json.message ?? "no result"}`);
  return body.result.data.json;
}

export const createFlow = (request: APIRequestContext, name: string, graph?: GraphInput) =>
  call<SeededFlow>(request, "mutation", "flow.create", { name, ...(graph && { graph }) });

export const getFlow = (request: APIRequestContext, id: string) => call<SeededFlow>(request, "query", "flow.get", { id });

/** Saves a new graph; the server answers only the new version and its time. */
export const updateFlow = (request: APIRequestContext, flow: { id: string; version: number; graph: GraphInput }) =>
  call<{ version: number; updatedAt: string }>(request, "mutation", "flow.update", flow);

export const createShareLink = (request: APIRequestContext, flowId: string) =>
  call<{ id: string; token: string; path: string }>(request, "mutation", "share.create", { flowId });

export const revokeShareLink = (request: APIRequestContext, id: string) => call<unknown>(request, "mutation", "share.revoke", { id });

/** Stores an API key as a credential of the local user; the answer carries its id, never the secret. */
export const createCredential = (request: APIRequestContext, credential: { name: string; kind: string; secret: string }) =>
  call<{ id: string; kind: string }>(request, "mutation", "credential.create", credential);

export const deleteCredential = (request: APIRequestContext, id: string) => call<unknown>(request, "mutation", "credential.delete", { id });

export function node(id: string, type: string, x: number, y: number, config?: Record<string, unknown>): GraphNode {
  return { id, type, position: { x, y }, data: config ? { config } : {} };
}

export function edge(source: string, sourceHandle: string, target: string, targetHandle: string): GraphEdge {
  return { id: `${source}.${sourceHandle}-${target}.${targetHandle}`, source, sourceHandle, target, targetHandle };
}

/** Input -> Prompt -> LLM <- Ollama, LLM -> Output: a small flow that compiles cleanly. */
export function chainGraph(): FlowGraph {
  return {
    version: 1,
    nodes: [
      node("in", "input", 0, 0, { defaultValue: "hello" }),
      node("prompt", "prompt", 260, 0, { template: "Summarise: {{input}}" }),
      node("model", "provider.ollama", 260, 220),
      node("llm", "llm", 520, 80),
      node("out", "output", 780, 80),
    ],
    edges: [edge("in", "text", "prompt", "input"), edge("prompt", "text", "llm", "prompt"), edge("model", "model", "llm", "model"), edge("llm", "text", "out", "value")],
  };
}

/** The parts of a graph that matter when comparing two (ids, kinds, config, wiring), in a stable order. */
export function graphEssence(graph: FlowGraph) {
  return {
    nodes: graph.nodes.map((each) => ({ id: each.id, type: each.type, config: each.data.config ?? {} })).sort((a, b) => a.id.localeCompare(b.id)),
    edges: graph.edges.map((each) => `${each.source}.${each.sourceHandle}->${each.target}.${each.targetHandle}`).sort(),
  };
}

/** Creates a flow of the caller's from a gallery template (its id, e.g. "daily-brief"), as "Use template" does. */
export const createFlowFromTemplate = (request: APIRequestContext, id: string) => call<SeededFlow>(request, "mutation", "template.use", { id });

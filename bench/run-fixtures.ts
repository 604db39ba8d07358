// What the run benchmark's measurements share: the server under test with its model server and API key, the
// scripted model answers, the three-perspectives template pointed at the model server, and a clock shared by
// the model server's writes and the clients' reads (all in this process).
import { ServerResponse } from "node:http";
import type { FlowGraph } from "@/lib/flow/graph-schema";
import { getTemplate } from "@/lib/templates";
import { chainGraph } from "@/testing/flow-graphs";
import type { ScriptedReply, ScriptedServer } from "@/testing/servers/scripted-server";
import { rpc, type BenchServer } from "./run-server.ts";

/** The server under test, the Ollama-protocol model server it calls, and an API key for /api/v1. */
export type RunBench = { server: BenchServer; ollama: ScriptedServer; apiKey: string };

/** Milliseconds on one clock for every timestamp the run benchmark compares. */
export const now = (): number => performance.timeOrigin + performance.now();

/** A chunk the model server's writes and the clients' reads can both recognise: `m<index>x `. */
export const marker = (index: number): string => `m${index}x `;

/** The model answer of the side-by-side measurements: 50 ms to the first byte, then 8 chunks 10 ms apart, each a marker. */
export const agentReply: ScriptedReply = { text: Array.from({ length: 8 }, (_, index) => marker(index)), delayMs: 50, chunkDelayMs: 10 };

/** Each of the 5-node flow's two model calls: 8 chunks and the closing one, 6 ms apart (about 50 ms). */
export const chainReply: ScriptedReply = { text: Array.from({ length: 8 }, (_, index) => `w${index} `), chunkDelayMs: 6 };

/** The 5-node flow: input -> llm -> llm -> output, both llm nodes on one Ollama model node at `baseUrl` (answer with chainReply). */
export const fiveNodeGraph = (baseUrl: string): FlowGraph => chainGraph(2, { baseUrl });

/** Creates a flow over tRPC and returns its id. */
export async function createFlow(bench: RunBench, name: string, graph: FlowGraph): Promise<string> {
  return (await rpc<{ id: string }>(bench.server.base, "flow.create", { name, graph })).id;
}

/** The three-perspectives template's graph with its model node on the benchmark's model server. */
export function threePerspectivesGraph(baseUrl: string): FlowGraph {
  const template = getTemplate("three-perspectives");
  if (!template) throw new Error("template three-perspectives not found");
  const graph = template.graph;
  return {
    ...graph,
    nodes: graph.nodes.map((node) => {
      if (node.type !== "provider.ollama") return node;
      const config = { ...(node.data.config as Record<string, unknown>), model: "llama3.2", baseUrl };
      return { ...node, data: { ...node.data, config } };
    }),
  };
}

/**
 * When each marked chunk leaves the model server. The shared scripted server writes the chunks itself, so
 * the writes are observed where they happen: on ServerResponse.write in this process. `restore` undoes it.
 */
export function recordChunkWrites(): { sent: Map<number, number>; restore: () => void } {
  const sent = new Map<number, number>();
  const original = ServerResponse.prototype.write;
  ServerResponse.prototype.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    const time = now();
    const found = typeof chunk === "string" ? /"content":"m(\d+)x /.exec(chunk) : null;
    if (found && !sent.has(Number(found[1]))) sent.set(Number(found[1]), time);
    return (original as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof original;
  return { sent, restore: () => void (ServerResponse.prototype.write = original) };
}

// Small graphs for tests and benchmarks, as a person would draw them on the canvas.
import type { FlowGraph } from "@/lib/flow/graph-schema";

const at = (index: number) => ({ x: index * 220, y: 0 });

/** input -> llm (on an Ollama model node) -> output. */
export function chatGraph(options: { model?: string; baseUrl?: string; system?: string } = {}): FlowGraph {
  return {
    version: 1,
    nodes: [
      { id: "input", type: "input", position: at(0), data: {} },
      { id: "model", type: "provider.ollama", position: at(1), data: { config: { model: options.model ?? "llama3.2", ...(options.baseUrl && { baseUrl: options.baseUrl }) } } },
      { id: "llm", type: "llm", position: at(2), data: { config: { system: options.system ?? "" } } },
      { id: "output", type: "output", position: at(3), data: {} },
    ],
    edges: [
      { id: "e-input", source: "input", sourceHandle: "text", target: "llm", targetHandle: "prompt" },
      { id: "e-model", source: "model", sourceHandle: "model", target: "llm", targetHandle: "model" },
      { id: "e-output", source: "llm", sourceHandle: "text", target: "output", targetHandle: "value" },
    ],
  };
}

/** input -> llm_1 -> llm_2 -> ... -> output, all on one model node: `length` model calls in sequence. */
export function chainGraph(length: number, options: Parameters<typeof chatGraph>[0] = {}): FlowGraph {
  const graph = chatGraph(options);
  const llms = Array.from({ length }, (_, index) => ({ id: `llm_${index + 1}`, type: "llm", position: at(index + 2), data: {} }));
  const chain = ["input", ...llms.map((node) => node.id)];
  return {
    version: 1,
    nodes: [graph.nodes[0]!, graph.nodes[1]!, ...llms, { ...graph.nodes[3]!, position: at(length + 2) }],
    edges: [
      ...llms.map((node, index) => ({ id: `e-prompt-${index}`, source: chain[index]!, sourceHandle: "text", target: node.id, targetHandle: "prompt" })),
      ...llms.map((node) => ({ id: `e-model-${node.id}`, source: "model", sourceHandle: "model", target: node.id, targetHandle: "model" })),
      { id: "e-output", source: chain.at(-1)!, sourceHandle: "text", target: "output", targetHandle: "value" },
    ],
  };
}

/** input -> llm -> output, the llm on a model node of `type` ("provider.openai"...) with this config. */
export function modelNodeGraph(type: string, config: Record<string, unknown>): FlowGraph {
  return {
    version: 1,
    nodes: [
      { id: "input", type: "input", position: { x: 0, y: 0 }, data: {} },
      { id: "model", type, position: { x: 0, y: 200 }, data: { config } },
      { id: "llm", type: "llm", position: { x: 250, y: 0 }, data: {} },
      { id: "output", type: "output", position: { x: 500, y: 0 }, data: {} },
    ],
    edges: [
      { id: "a", source: "input", sourceHandle: "text", target: "llm", targetHandle: "prompt" },
      { id: "b", source: "model", sourceHandle: "model", target: "llm", targetHandle: "model" },
      { id: "c", source: "llm", sourceHandle: "text", target: "output", targetHandle: "value" },
    ],
  };
}

/** input -> agent (on an Ollama model node, no tools) -> output: one model call when the answer has no tool calls. */
export function agentGraph(options: { model?: string; baseUrl?: string; instructions?: string } = {}): FlowGraph {
  const graph = chatGraph(options);
  return {
    version: 1,
    nodes: graph.nodes.map((node) =>
      node.id === "llm" ? { id: "agent", type: "agent", position: node.position, data: { config: { name: "assistant", instructions: options.instructions ?? "" } } } : node,
    ),
    edges: [
      { id: "e-input", source: "input", sourceHandle: "text", target: "agent", targetHandle: "input" },
      { id: "e-model", source: "model", sourceHandle: "model", target: "agent", targetHandle: "model" },
      { id: "e-output", source: "agent", sourceHandle: "text", target: "output", targetHandle: "value" },
    ],
  };
}

/**
 * A chatbot with memory: input -> llm <- memory (the session's last `turns` turns as history), on an Ollama
 * model node, -> output. With `agent`, an agent answers instead of the llm node.
 */
export function memoryChatGraph(options: Parameters<typeof chatGraph>[0] & { turns?: number; agent?: boolean } = {}): FlowGraph {
  const graph = options.agent ? agentGraph(options) : chatGraph(options);
  const answerer = options.agent ? "agent" : "llm";
  return {
    version: 1,
    nodes: [...graph.nodes, { id: "memory", type: "memory", position: { x: 220, y: 200 }, data: { config: { turns: options.turns ?? 10 } } }],
    edges: [...graph.edges, { id: "e-memory", source: "memory", sourceHandle: "messages", target: answerer, targetHandle: "history" }],
  };
}

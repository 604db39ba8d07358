// Random graphs, valid and not: the compiler must answer with a plan or with diagnostics, never throw.
import { describe, expect, it } from "vitest";
import { defaultConfig, getNodeKind, nodeKinds } from "./catalog";
import { compile } from "./compile";
import { hasErrors } from "./diagnostics";

// A small deterministic generator (mulberry32) so a failure can be replayed from its seed.
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value ^= value + Math.imul(value ^ (value >>> 7), 61 | value);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <Item>(items: readonly Item[]): Item => items[Math.floor(next() * items.length)]!;
  return { next, pick };
}

const types = [...nodeKinds.map((kind) => kind.type), "unknown.kind", ""];
const handles = ["text", "model", "tool", "data", "agent", "value", "prompt", "tools", "agents", "input", "topic", "nope", null, undefined];
const configs: unknown[] = [
  {},
  { template: "{{topic}} and {{input}}" },
  { pattern: "SUPERVISOR", maxRounds: 2 },
  { pattern: "HIERARCHICAL" },
  { maxSteps: -1 },
  { name: 42 },
  { expression: "1+" },
  { temperature: 5 },
  "not an object",
  null,
];

function randomGraph(seed: number): unknown {
  const { next, pick } = random(seed);
  const nodeCount = Math.floor(next() * 14);
  const ids = Array.from({ length: nodeCount }, (_, index) => (next() < 0.05 ? "dup" : `n${index}`));
  const nodes = ids.map((id) => ({ id, type: pick(types), position: { x: next() * 500, y: next() * 500 }, data: next() < 0.9 ? { config: pick(configs) } : {} }));
  const edgeCount = Math.floor(next() * nodeCount * 2);
  const edges = Array.from({ length: edgeCount }, (_, index) => ({
    id: next() < 0.03 ? "e0" : `e${index}`,
    source: next() < 0.05 ? "ghost" : pick(ids.length > 0 ? ids : ["ghost"]),
    sourceHandle: pick(handles),
    target: pick(ids.length > 0 ? ids : ["ghost"]),
    targetHandle: pick(handles),
  }));
  return next() < 0.02 ? { nodes: "garbage" } : { version: 1, nodes, edges };
}

// Mostly-valid graphs: each node's inputs are wired from earlier nodes with a compatible port, then a few
// random mutations (a dropped edge, a back edge, a stray handle) make some of them invalid.
function wiredGraph(seed: number): unknown {
  const { next, pick } = random(seed);
  const middle = ["prompt", "llm", "agent", "team", "tool.calculator", "tool.datetime", "provider.ollama", "provider.anthropic"];
  const nodes = [{ id: "in", type: "input", config: {} as Record<string, unknown> }];
  for (let index = 0; index < 2 + Math.floor(next() * 10); index += 1) {
    const type = pick(middle);
    const config = type === "prompt" ? { template: "{{a}} {{b}}".slice(0, next() < 0.5 ? 5 : 11) } : type === "team" ? { pattern: pick(["SEQUENTIAL", "PARALLEL", "HIERARCHICAL", "SUPERVISOR"]) } : {};
    nodes.push({ id: `n${index}`, type, config });
  }
  nodes.push({ id: "out", type: "output", config: {} });
  const edges: Array<{ id: string; source: string; sourceHandle: string; target: string; targetHandle: string }> = [];
  nodes.forEach((node, index) => {
    const kind = getNodeKind(node.type)!;
    const ports = kind.ports({ ...(defaultConfig(kind) as object), ...node.config });
    for (const port of ports.inputs) {
      const sources = nodes.slice(0, index).flatMap((earlier) => {
        const earlierKind = getNodeKind(earlier.type)!;
        return earlierKind.ports({ ...(defaultConfig(earlierKind) as object), ...earlier.config }).outputs
          .filter((output) => (port.type === "tool" ? output.type === "tool" || output.type === "agent" : output.type === port.type || (port.type !== "agent" && port.type !== "model" && (output.type === "text" || output.type === "data"))))
          .map((output) => ({ id: earlier.id, port: output.name }));
      });
      const wanted = port.multiple ? 1 + Math.floor(next() * 2) : 1;
      for (let count = 0; count < wanted && sources.length > 0 && (port.required || next() < 0.7); count += 1) {
        const source = pick(sources);
        edges.push({ id: `e${edges.length}`, source: source.id, sourceHandle: source.port, target: node.id, targetHandle: port.name });
      }
    }
  });
  if (next() < 0.2 && edges.length > 0) edges.splice(Math.floor(next() * edges.length), 1);
  if (next() < 0.1 && edges.length > 0) edges.push({ ...edges[0]!, id: "back", source: edges[0]!.target, target: edges[0]!.source });
  if (next() < 0.1 && edges.length > 0) edges[0]!.targetHandle = "stray";
  return { nodes: nodes.map((node, index) => ({ id: node.id, type: node.type, position: { x: index * 100, y: next() * 300 }, data: { config: node.config } })), edges };
}

describe("compile fuzz", () => {
  it("gives a plan or diagnostics for 1,500 random graphs, and never throws", () => {
    let plans = 0;
    for (let seed = 1; seed <= 1500; seed += 1) {
      const graph = seed % 2 === 0 ? randomGraph(seed) : wiredGraph(seed);
      let result: ReturnType<typeof compile>;
      try {
        result = compile(graph);
      } catch (error) {
        throw new Error(`seed ${seed} threw: ${(error as Error).stack}`);
      }
      const isBlocked = hasErrors(result.diagnostics);
      expect(isBlocked, `seed ${seed}`).toBe(result.plan === null);
      for (const diagnostic of result.diagnostics) {
        expect(diagnostic.message.length, `seed ${seed}`).toBeGreaterThan(10);
        expect(["error", "warning"]).toContain(diagnostic.severity);
      }
      if (result.plan) {
        plans += 1;
        expect(JSON.parse(JSON.stringify(result.plan))).toEqual(result.plan);
        const position = new Map(result.plan.nodes.map((node, index) => [node.id, index]));
        for (const node of result.plan.nodes) for (const source of node.dependsOn) expect(position.get(source)!).toBeLessThan(position.get(node.id)!);
      }
    }
    // The generator must also produce runnable graphs, or the test would only exercise the error paths.
    expect(plans).toBeGreaterThan(20);
  });
});

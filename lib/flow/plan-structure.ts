// Names the dataflow's shape for people: independent branches are PARALLEL, chains are SEQUENTIAL.
// A series-parallel reading of the DAG: split into weakly connected parts (parallel); within a part, the
// nodes every other node passes through ("sequence points") cut it into consecutive segments. A part with
// neither (a criss-cross) falls back to layers by depth. The engine does not use this: it runs pure dataflow.
import { pushTo } from "./multimap";

type Link = { source: string; target: string };

export type StructureTree =
  | { kind: "sequence"; pattern: "SEQUENTIAL"; steps: StructureTree[] }
  | { kind: "parallel"; pattern: "PARALLEL"; branches: StructureTree[] }
  | { kind: "step"; nodeId: string };

/** `order` must be topological for `links`. */
export function describeStructure(order: string[], links: Link[]): StructureTree | null {
  if (order.length === 0) return null;
  const predecessors = new Map<string, string[]>(order.map((id) => [id, []]));
  for (const link of links) predecessors.get(link.target)?.push(link.source);
  return structureOf(order, predecessors);
}

function structureOf(order: string[], predecessors: Map<string, string[]>): StructureTree {
  if (order.length === 1) return { kind: "step", nodeId: order[0]! };
  const members = new Set(order);
  const parts = weaklyConnectedParts(order, predecessors, members);
  if (parts.length > 1) return { kind: "parallel", pattern: "PARALLEL", branches: parts.map((part) => structureOf(part, predecessors)) };
  const points = sequencePoints(order, predecessors, members);
  if (points.size === 0) return layered(order, predecessors, members);
  const steps: StructureTree[] = [];
  let segment: string[] = [];
  const flush = () => {
    if (segment.length > 0) steps.push(structureOf(segment, predecessors));
    segment = [];
  };
  for (const id of order) {
    if (!points.has(id)) {
      segment.push(id);
      continue;
    }
    flush();
    steps.push({ kind: "step", nodeId: id });
  }
  flush();
  return { kind: "sequence", pattern: "SEQUENTIAL", steps: steps.flatMap((step) => (step.kind === "sequence" ? step.steps : [step])) };
}

function weaklyConnectedParts(order: string[], predecessors: Map<string, string[]>, members: Set<string>): string[][] {
  const parent = new Map(order.map((id) => [id, id]));
  const find = (id: string): string => {
    while (parent.get(id) !== id) {
      parent.set(id, parent.get(parent.get(id)!)!);
      id = parent.get(id)!;
    }
    return id;
  };
  for (const id of order) {
    for (const source of predecessors.get(id)!) if (members.has(source)) parent.set(find(source), find(id));
  }
  const parts = new Map<string, string[]>();
  for (const id of order) pushTo(parts, find(id), id);
  return [...parts.values()];
}

// A node is a sequence point when every other member is its ancestor or its descendant. Counted with
// bitsets: ancestors in topological order, descendants in reverse.
function sequencePoints(order: string[], predecessors: Map<string, string[]>, members: Set<string>): Set<string> {
  const position = new Map(order.map((id, index) => [id, index]));
  const words = Math.ceil(order.length / 32);
  const ancestors = order.map(() => new Uint32Array(words));
  const descendants = order.map(() => new Uint32Array(words));
  const successors = order.map(() => [] as number[]);
  order.forEach((id, index) => {
    for (const source of predecessors.get(id)!) {
      if (!members.has(source)) continue;
      const from = position.get(source)!;
      successors[from]!.push(index);
      orInto(ancestors[index]!, ancestors[from]!, from);
    }
  });
  for (let index = order.length - 1; index >= 0; index -= 1) {
    for (const next of successors[index]!) orInto(descendants[index]!, descendants[next]!, next);
  }
  return new Set(order.filter((_id, index) => countBits(ancestors[index]!) + countBits(descendants[index]!) === order.length - 1));
}

function orInto(target: Uint32Array, source: Uint32Array, extraBit: number): void {
  for (let word = 0; word < target.length; word += 1) target[word]! |= source[word]!;
  target[extraBit >>> 5]! |= 1 << (extraBit & 31);
}

function countBits(bits: Uint32Array): number {
  let count = 0;
  for (let word of bits) {
    for (; word !== 0; count += 1) word &= word - 1;
  }
  return count;
}

function layered(order: string[], predecessors: Map<string, string[]>, members: Set<string>): StructureTree {
  const depth = new Map<string, number>();
  for (const id of order) {
    const inner = predecessors.get(id)!.filter((source) => members.has(source));
    depth.set(id, inner.length === 0 ? 0 : Math.max(...inner.map((source) => depth.get(source)!)) + 1);
  }
  const layers: string[][] = [];
  for (const id of order) (layers[depth.get(id)!] ??= []).push(id);
  const steps: StructureTree[] = layers.map((layer) =>
    layer.length === 1
      ? { kind: "step", nodeId: layer[0]! }
      : { kind: "parallel", pattern: "PARALLEL", branches: layer.map((nodeId) => ({ kind: "step", nodeId })) },
  );
  return { kind: "sequence", pattern: "SEQUENTIAL", steps };
}

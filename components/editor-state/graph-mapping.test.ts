import { describe, expect, it } from "vitest";
import type { FlowGraph } from "@/lib/flow/graph-schema";
import { toCanvas, toFlowGraph } from "./graph-mapping";

const graph: FlowGraph = {
  version: 1,
  nodes: [
    { id: "in", type: "input", position: { x: 0, y: 10 }, data: { config: { defaultValue: "x" } } },
    { id: "out", type: "output", position: { x: 300, y: 10 }, data: {} },
  ],
  edges: [{ id: "e", source: "in", sourceHandle: "text", target: "out", targetHandle: "value" }],
};

describe("graph mapping", () => {
  it("round-trips a graph through the canvas shape", () => {
    const canvas = toCanvas(graph);
    expect(toFlowGraph(canvas.nodes, canvas.edges)).toEqual(graph);
  });

  it("leaves view state (selection, measurements) out of the stored document", () => {
    const canvas = toCanvas(graph);
    const viewed = canvas.nodes.map((node) => ({ ...node, selected: true, measured: { width: 10, height: 10 }, dragging: false }));
    expect(toFlowGraph(viewed, canvas.edges)).toEqual(graph);
  });

  it("does not share position objects with the source graph", () => {
    const canvas = toCanvas(graph);
    canvas.nodes[0]!.position.x = 99;
    expect(graph.nodes[0]!.position.x).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { copySelection, makeNodeId, pasteClipboard, shiftClipboard } from "./clipboard";
import type { CanvasEdge, CanvasNode } from "./graph-mapping";

const nodes: CanvasNode[] = [
  { id: "a", type: "input", position: { x: 0, y: 0 }, data: { config: { defaultValue: "hi" } }, selected: true },
  { id: "b", type: "output", position: { x: 200, y: 0 }, data: {}, selected: true },
  { id: "c", type: "output", position: { x: 400, y: 0 }, data: {} },
];
const edges: CanvasEdge[] = [
  { id: "ab", source: "a", sourceHandle: "text", target: "b", targetHandle: "value" },
  { id: "ac", source: "a", sourceHandle: "text", target: "c", targetHandle: "value" },
];

describe("clipboard", () => {
  it("copies the selected nodes and only the edges between them", () => {
    const content = copySelection(nodes, edges)!;
    expect(content.nodes.map((node) => node.id)).toEqual(["a", "b"]);
    expect(content.edges.map((edge) => edge.id)).toEqual(["ab"]);
    expect(copySelection(nodes.map((node) => ({ ...node, selected: false })), edges)).toBeNull();
  });

  it("pastes with fresh ids, rewired edges, an offset and a selection", () => {
    let counter = 0;
    const pasted = pasteClipboard(copySelection(nodes, edges)!, { offset: { x: 40, y: 40 }, makeId: (prefix) => `${prefix}-${++counter}` });
    expect(pasted.nodes.map((node) => node.id)).toEqual(["input-1", "output-2"]);
    expect(pasted.nodes[0]).toMatchObject({ position: { x: 40, y: 40 }, selected: true, data: { config: { defaultValue: "hi" } } });
    expect(pasted.edges).toEqual([{ id: "edge-3", source: "input-1", sourceHandle: "text", target: "output-2", targetHandle: "value" }]);
  });

  it("moves the clipboard on after a paste, so the next paste does not cover the last one", () => {
    const content = copySelection(nodes, edges)!;
    const offset = { x: 40, y: 40 };
    const first = pasteClipboard(content, { offset, makeId: makeNodeId });
    const second = pasteClipboard(shiftClipboard(content, offset), { offset, makeId: makeNodeId });
    expect(first.nodes.map((node) => node.position)).toEqual([{ x: 40, y: 40 }, { x: 240, y: 40 }]);
    expect(second.nodes.map((node) => node.position)).toEqual([{ x: 80, y: 80 }, { x: 280, y: 80 }]);
    expect(content.nodes[0]!.position).toEqual({ x: 0, y: 0 });
  });

  it("does not share config objects between the copy and the original", () => {
    const content = copySelection(nodes, edges)!;
    const pasted = pasteClipboard(content, { offset: { x: 0, y: 0 }, makeId: makeNodeId });
    (pasted.nodes[0]!.data.config as Record<string, unknown>).defaultValue = "changed";
    expect((nodes[0]!.data.config as Record<string, unknown>).defaultValue).toBe("hi");
  });

  it("makes ids safe for the DOM", () => {
    expect(makeNodeId("provider.ollama")).toMatch(/^provider-ollama-[a-z0-9]+$/);
  });
});

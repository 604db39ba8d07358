import { describe, expect, it } from "vitest";
import { copySelection } from "./clipboard";
import type { CanvasContent } from "./graph-edits";
import { addNodeOfKind, connectNodes, deleteSelection, pasteInto, selectAll, setConfigField } from "./graph-edits";

let counter = 0;
const makeId = (prefix: string) => `${prefix}-${++counter}`;
const empty: CanvasContent = { nodes: [], edges: [] };

function twoNodes(): CanvasContent {
  let content = addNodeOfKind(empty, "input", { x: 0, y: 0 }, () => "in");
  content = addNodeOfKind(content, "output", { x: 300, y: 0 }, () => "out");
  return content;
}

describe("graph edits", () => {
  it("adds a kind with its default config, selected alone", () => {
    const content = twoNodes();
    expect(content.nodes.map((node) => [node.id, node.selected])).toEqual([["in", false], ["out", true]]);
    expect(content.nodes[1]!.data.config).toEqual({ name: "result" });
    expect(addNodeOfKind(content, "no-such-kind", { x: 0, y: 0 }, makeId)).toBe(content);
  });

  it("connects compatible ports and refuses the rest with a reason", () => {
    const content = addNodeOfKind(twoNodes(), "llm", { x: 0, y: 200 }, () => "llm");
    const ok = connectNodes(content, { source: "in", sourceHandle: "text", target: "out", targetHandle: "value" }, makeId);
    expect(ok.refusal).toBeUndefined();
    expect(ok.content.edges).toHaveLength(1);
    const refused = connectNodes(content, { source: "in", sourceHandle: "text", target: "llm", targetHandle: "model" }, makeId);
    expect(refused.refusal).toContain("takes model");
    expect(refused.content).toBe(content);
  });

  it("sets one config field and keeps the others", () => {
    const content = setConfigField(twoNodes(), "in", "defaultValue", "hello");
    expect(content.nodes[0]!.data.config).toEqual({ defaultValue: "hello" });
  });

  it("deletes selected nodes with their edges", () => {
    const connected = connectNodes(twoNodes(), { source: "in", sourceHandle: "text", target: "out", targetHandle: "value" }, makeId).content;
    const afterDelete = deleteSelection(connected);
    expect(afterDelete.nodes.map((node) => node.id)).toEqual(["in"]);
    expect(afterDelete.edges).toEqual([]);
  });

  it("pastes a copy of everything selected", () => {
    const connected = connectNodes(twoNodes(), { source: "in", sourceHandle: "text", target: "out", targetHandle: "value" }, makeId).content;
    const all = selectAll(connected);
    const pasted = pasteInto(all, copySelection(all.nodes, all.edges)!, { x: 20, y: 20 }, makeId);
    expect(pasted.nodes).toHaveLength(4);
    expect(pasted.edges).toHaveLength(2);
    expect(pasted.nodes.filter((node) => node.selected)).toHaveLength(2);
  });
});

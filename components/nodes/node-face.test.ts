import { describe, expect, it } from "vitest";
import { nodeFace } from "./node-face";

describe("nodeFace", () => {
  it("reads title, name, summary and ports from the catalog", () => {
    const face = nodeFace("p1", "prompt", { config: { template: "Hi {{who}}" } });
    expect(face).toMatchObject({ title: "Prompt", category: "prompts", name: "Prompt #p1", summary: "Hi {{who}}" });
    expect(face.ports.inputs.map((port) => port.name)).toEqual(["who"]);
  });

  it("reuses the face while the data object is the same, and recomputes for new data", () => {
    const data = { config: { name: "writer" } };
    expect(nodeFace("a", "agent", data)).toBe(nodeFace("a", "agent", data));
    expect(nodeFace("a", "agent", { ...data, label: "Writer" }).name).toBe("Writer");
  });

  it("marks a node whose kind declares it reads sample data, and only that", () => {
    expect(nodeFace("g", "tool.gmail", { config: { useSampleData: true } }).isSample).toBe(true);
    expect(nodeFace("g", "tool.gmail", { config: { useSampleData: false } }).isSample).toBe(false);
    expect(nodeFace("p", "prompt", { config: { useSampleData: true } }).isSample).toBe(false);
  });

  it("describes an unknown kind without throwing", () => {
    expect(nodeFace("x", "nope", {})).toMatchObject({ title: 'Unknown kind "nope"', category: "unknown", ports: { inputs: [], outputs: [] } });
  });
});

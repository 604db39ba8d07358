import { describe, expect, it } from "vitest";
import { cssString, edgeAnimationCss, edgesCarryingData } from "./run-edges";

describe("edge animation", () => {
  const edges = [
    { id: "e1", source: "llm" },
    { id: "e2", source: "input" },
    { id: "e3", source: "llm" },
  ];

  it("picks the edges whose source runs", () => {
    expect(edgesCarryingData(edges, (id) => id === "llm")).toEqual(["e1", "e3"]);
  });

  it("writes one rule for them, and none when nothing runs", () => {
    expect(edgeAnimationCss([])).toBe("");
    const css = edgeAnimationCss(["e1", "e3"]);
    expect(css).toContain('.react-flow__edge[data-id="e1"] .react-flow__edge-path');
    expect(css).toContain("animation: dashdraw");
  });

  it("escapes ids so they cannot break out of the selector", () => {
    expect(cssString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(edgeAnimationCss(['x"] {} body { display:none } [y="'])).not.toContain('x"]');
  });
});

import { describe, expect, it } from "vitest";
import { COMPACT_BELOW_ZOOM, LARGE_FLOW_NODES, isCompactView } from "./compact-faces";

const view = (nodes: number, zoom: number, fitViewQueued = false) => ({
  nodeLookup: new Map(Array.from({ length: nodes }, (_, index) => [`n${index}`, {}])) as never,
  transform: [0, 0, zoom] as [number, number, number],
  fitViewQueued,
});

describe("isCompactView", () => {
  it("draws a large flow compact from far, and while its first fit is pending", () => {
    expect(isCompactView(view(LARGE_FLOW_NODES, COMPACT_BELOW_ZOOM / 2))).toBe(true);
    expect(isCompactView(view(LARGE_FLOW_NODES, 1, true))).toBe(true);
  });

  it("draws a large flow in full once zoomed in, and a small flow in full at any zoom", () => {
    expect(isCompactView(view(LARGE_FLOW_NODES, COMPACT_BELOW_ZOOM))).toBe(false);
    expect(isCompactView(view(LARGE_FLOW_NODES - 1, 0.1))).toBe(false);
    expect(isCompactView(view(LARGE_FLOW_NODES - 1, 1, true))).toBe(false);
  });
});

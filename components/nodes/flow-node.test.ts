import { describe, expect, it } from "vitest";
import { isSameFace } from "./flow-node";

describe("isSameFace", () => {
  const data = { config: { template: "Hi" } };
  const face = { id: "n1", type: "prompt", data, selected: false, positionAbsoluteX: 0, zIndex: 0 };

  it("keeps the face when only what it does not show changes (a drag's positions, z-index, dimensions)", () => {
    const dragged = { ...face, positionAbsoluteX: 120, zIndex: 1000 };
    expect(isSameFace(face, dragged)).toBe(true);
  });

  it("re-renders for new data, a selection change or another kind", () => {
    expect(isSameFace(face, { ...face, data: { ...data } })).toBe(false);
    expect(isSameFace(face, { ...face, selected: true })).toBe(false);
    expect(isSameFace(face, { ...face, type: "agent" })).toBe(false);
  });
});

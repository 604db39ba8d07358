import { describe, expect, it } from "vitest";
import { FIT_MARGIN_PX, MINIMAP, fitPadding, screenFontPx } from "./panel-layout";

describe("fitPadding", () => {
  it("keeps the bottom band the minimap occupies free while it is shown", () => {
    const padding = fitPadding(true);
    const bottom = Number.parseFloat(padding.bottom);
    expect(bottom).toBeGreaterThanOrEqual(MINIMAP.height + MINIMAP.margin);
    expect(padding.bottom).toBe(`${MINIMAP.height + MINIMAP.margin + FIT_MARGIN_PX}px`);
  });

  it("uses the plain margin on every side once the minimap is hidden", () => {
    const margin = `${FIT_MARGIN_PX}px`;
    expect(fitPadding(false)).toEqual({ top: margin, right: margin, bottom: margin, left: margin });
  });
});

describe("screenFontPx", () => {
  it("scales a CSS font size by the canvas zoom", () => {
    expect(screenFontPx(13, 1)).toBe(13);
    expect(screenFontPx(12.8, 0.55)).toBeCloseTo(7.04, 5);
  });
});

// Sizes of the editor's resizable panels and the canvas fit that leaves room for the minimap. Pure: the
// editor shell and the canvas read these numbers; the unit tests check the arithmetic.
import type { LayoutStorage } from "react-resizable-panels";

/** The minimap's box in screen pixels (xyflow's default size) and its gap from the canvas edge. */
export const MINIMAP = { width: 200, height: 150, margin: 15 } as const;

/** Space kept free around a fitted flow, in screen pixels, besides the minimap's corner. */
export const FIT_MARGIN_PX = 24;

/** Highest zoom a fit reaches: a small flow shows at its natural size rather than blown up. */
export const FIT_MAX_ZOOM = 1;

/** Sizes in pixels: a panel's starting size, the size below which it collapses, and its collapsed size. */
export const RUN_PANEL = { defaultPx: 260, minPx: 140, collapsedPx: 38 } as const;
export const PLAYGROUND_PANEL = { defaultPx: 384, minPx: 260 } as const;

/** Pixels one fit leaves free on each side of the flow, as xyflow's `fitView` padding expects them. */
export type FitPadding = { top: `${number}px`; right: `${number}px`; bottom: `${number}px`; left: `${number}px` };

/**
 * The fitView padding for the canvas: a plain margin on every side, and at the bottom enough to clear the
 * minimap (it sits in the bottom-right corner) when it is shown, so a fitted flow never lies under it.
 */
export function fitPadding(isMinimapShown: boolean): FitPadding {
  const bottom = isMinimapShown ? MINIMAP.height + MINIMAP.margin + FIT_MARGIN_PX : FIT_MARGIN_PX;
  const px = (value: number) => `${value}px` as const;
  return { top: px(FIT_MARGIN_PX), right: px(FIT_MARGIN_PX), bottom: px(bottom), left: px(FIT_MARGIN_PX) };
}

/** What text of `fontPx` CSS pixels measures on screen at canvas `zoom` (1 = natural size). */
export function screenFontPx(fontPx: number, zoom: number): number {
  return fontPx * zoom;
}

/**
 * Where panel sizes are remembered: the browser's localStorage, or nothing where there is none (server
 * rendering, storage disabled), so the panels then simply start at their default sizes.
 */
export function layoutStorage(): LayoutStorage {
  const forgetful: LayoutStorage = { getItem: () => null, setItem: () => undefined };
  try {
    return typeof window !== "undefined" && window.localStorage ? window.localStorage : forgetful;
  } catch {
    return forgetful;
  }
}

"use client";
// Re-fits the canvas to the flow after the space around it changed (a panel opened, closed or resized).
import { useReactFlow } from "@xyflow/react";
import { useCallback } from "react";
import { FIT_MAX_ZOOM, fitPadding } from "./panel-layout";

/**
 * Returns `refit()`, which fits the whole flow into the canvas leaving room for the minimap when shown.
 * It waits two frames: xyflow learns the canvas's new size from a ResizeObserver, after layout.
 */
export function useCanvasFit(isMinimapShown: boolean): () => void {
  const { fitView } = useReactFlow();
  return useCallback(() => {
    requestAnimationFrame(() =>
      requestAnimationFrame(() => void fitView({ padding: fitPadding(isMinimapShown), maxZoom: FIT_MAX_ZOOM })),
    );
  }, [fitView, isMinimapShown]);
}

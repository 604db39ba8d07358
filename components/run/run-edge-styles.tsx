"use client";
// Animates the edges whose source node is running (see run-edges.ts for why a style element).
import { useSyncExternalStore } from "react";
import { useEditor } from "@/components/editor-state/editor-context";
import { edgeAnimationCss, edgesCarryingData } from "./run-edges";
import type { RunStore } from "./run-store";

const runningKey = (store: RunStore) => () =>
  Object.entries(store.getSnapshot().state.nodes)
    .filter(([, node]) => node.status === "running")
    .map(([id]) => id)
    .join("\n");

export function RunEdgeStyles({ store }: { store: RunStore }) {
  const edges = useEditor((state) => state.edges);
  // A string snapshot: re-renders only when the set of running nodes changes, not on every streamed chunk.
  const running = useSyncExternalStore(store.subscribe, runningKey(store), runningKey(store));
  const runningIds = new Set(running ? running.split("\n") : []);
  const css = edgeAnimationCss(edgesCarryingData(edges, (id) => runningIds.has(id)));
  return css ? <style data-testid="run-edge-styles">{css}</style> : null;
}

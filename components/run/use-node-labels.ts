"use client";
// Names nodes in the run panel by their labels (lib/flow/node-label.ts), read from the flow being edited.
import { useMemo } from "react";
import { useEditor } from "@/components/editor-state/editor-context";
import { labelLookup } from "@/lib/flow/node-label";
import type { NodeLabeler } from "./run-format";

/** A node id to its label; an id the flow no longer has reads as itself. */
export function useNodeLabels(): NodeLabeler {
  const nodes = useEditor((state) => state.nodes);
  return useMemo(() => labelLookup(nodes), [nodes]);
}

"use client";
// One editor store per open flow, handed down by context; components subscribe to the slices they show.
import { createContext, useContext, useState, type ReactNode } from "react";
import { useStore } from "zustand";
import type { FlowGraph } from "@/lib/flow/graph-schema";
import { createEditorStore, type EditorStore, type EditorStoreState } from "./editor-store";
import { analyseGraph } from "./graph-analysis";

const EditorContext = createContext<EditorStore | null>(null);

/**
 * `isAnalysed`: the store starts with the compiler's findings for `graph` (for an editor that shows them), so
 * node faces are drawn with them from the first render.
 */
export function EditorProvider({ graph, readOnly = false, isAnalysed = false, children }: { graph: FlowGraph; readOnly?: boolean; isAnalysed?: boolean; children: ReactNode }) {
  // The store is made once from the first graph; later documents arrive through replaceDocument.
  const [store] = useState(() => createEditorStore(graph, { readOnly, analysis: isAnalysed ? analyseGraph(graph) : undefined }));
  return <EditorContext.Provider value={store}>{children}</EditorContext.Provider>;
}

export function useEditorStore(): EditorStore {
  const store = useContext(EditorContext);
  if (!store) throw new Error("useEditorStore must be used inside an EditorProvider");
  return store;
}

export function useEditor<Selected>(selector: (state: EditorStoreState) => Selected): Selected {
  return useStore(useEditorStore(), selector);
}

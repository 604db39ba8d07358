"use client";
// Compiles the graph in the browser shortly after each change and files the findings with the nodes and
// edges they concern. The compiler (lib/flow) is plain TypeScript, so editing costs no round trip and no
// upload of the graph; a 500-node graph compiles in about 10 ms, too little to be worth a worker.
// Credential checks need the kind and endpoint of the person's stored keys (never a secret): until that
// list has loaded the compiler says nothing about credentials, as it would without them.
import { useEffect } from "react";
import { compile } from "@/lib/flow/compile";
import { indexDiagnostics } from "@/components/editor-state/diagnostics-index";
import { useEditor, useEditorStore } from "@/components/editor-state/editor-context";
import { toFlowGraph } from "@/components/editor-state/graph-mapping";
import { useCredentialMap } from "./credential-options";

type Options = { delayMs?: number };

export function useLiveDiagnostics({ delayMs = 400 }: Options = {}): void {
  const store = useEditorStore();
  const credentials = useCredentialMap();
  const revision = useEditor((state) => state.revision);
  const loads = useEditor((state) => state.loads);

  useEffect(() => {
    // After a pause in typing or dragging; on open, after the canvas has painted and answers clicks.
    const timer = setTimeout(() => {
      const { nodes, edges, diagnostics } = store.getState();
      const report = compile(toFlowGraph(nodes, edges), { credentials });
      store.getState().setAnalysis(indexDiagnostics(report.diagnostics, diagnostics), report.plan?.summary ?? null);
    }, delayMs);
    return () => clearTimeout(timer);
  }, [revision, loads, credentials, store, delayMs]);
}

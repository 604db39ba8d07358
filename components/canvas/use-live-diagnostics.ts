"use client";
// Compiles the graph in the browser shortly after each change and files the findings with the nodes and
// edges they concern. The compiler (lib/flow) is plain TypeScript, so editing costs no round trip and no
// upload of the graph; a 500-node graph compiles in about 10 ms, too little to be worth a worker (but 100 ms
// and more on a busy laptop, so a compile that would find nothing new is skipped). The flow editor's store
// starts with the findings of the graph it opened (EditorProvider's `isAnalysed`), so the nodes are laid out
// once with them rather than drawn, measured, and drawn and measured again when they arrive.
// Credential checks need the kind and endpoint of the person's stored keys (never a secret): until that
// list has loaded the compiler says nothing about credentials, as it would without them.
import { useEffect, useRef } from "react";
import { analyseGraph } from "@/components/editor-state/graph-analysis";
import { useEditor, useEditorStore } from "@/components/editor-state/editor-context";
import { toFlowGraph } from "@/components/editor-state/graph-mapping";
import { credentialIdsOf } from "@/lib/flow/credential-refs";
import type { CredentialMap } from "@/lib/flow/node-kind";
import { useCredentialMap } from "./credential-options";

/** `isAnalysedOnOpen`: the store already holds the findings of the document it opened, checked without credentials. */
type Options = { delayMs?: number; isAnalysedOnOpen?: boolean };

/** What the store's findings were made from: the document (its revision and load) and the credentials list. */
type Analysed = { revision: number; loads: number; credentials: CredentialMap | undefined };

export function useLiveDiagnostics({ delayMs = 400, isAnalysedOnOpen = false }: Options = {}): void {
  const store = useEditorStore();
  const credentials = useCredentialMap();
  const revision = useEditor((state) => state.revision);
  const loads = useEditor((state) => state.loads);
  const analysed = useRef<Analysed | null>(isAnalysedOnOpen ? { revision: 0, loads: 0, credentials: undefined } : null);

  useEffect(() => {
    const last = analysed.current;
    // The credentials list matters only to a graph that names stored credentials.
    const isCredentialsSame = last?.credentials === credentials || credentialIdsOf(store.getState()).length === 0;
    if (last && last.revision === revision && last.loads === loads && isCredentialsSame) return;
    // After a pause in typing or dragging.
    const timer = setTimeout(() => {
      const { nodes, edges, diagnostics } = store.getState();
      const analysis = analyseGraph(toFlowGraph(nodes, edges), credentials, diagnostics);
      store.getState().setAnalysis(analysis.diagnostics, analysis.plan);
      analysed.current = { revision, loads, credentials };
    }, delayMs);
    return () => clearTimeout(timer);
  }, [revision, loads, credentials, store, delayMs]);
}

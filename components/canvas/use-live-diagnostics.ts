"use client";
// Compiles the graph on the server shortly after each change and files the findings with the nodes and
// edges they concern. The graph being edited is posted as it is, saved or not.
import { useEffect, useRef } from "react";
import { useTRPCClient } from "@/components/trpc-provider";
import { indexDiagnostics } from "@/components/editor-state/diagnostics-index";
import { useEditor, useEditorStore } from "@/components/editor-state/editor-context";
import { toFlowGraph } from "@/components/editor-state/graph-mapping";

type Options = { delayMs?: number };

export function useLiveDiagnostics({ delayMs = 400 }: Options = {}): void {
  const store = useEditorStore();
  const client = useTRPCClient();
  const revision = useEditor((state) => state.revision);
  const loads = useEditor((state) => state.loads);
  const latestRequest = useRef(0);

  useEffect(() => {
    const timer = setTimeout(async () => {
      const { nodes, edges } = store.getState();
      const request = ++latestRequest.current;
      try {
        const report = await client.flow.compile.query({ graph: toFlowGraph(nodes, edges) });
        // An older answer arriving after a newer one must not paint stale findings.
        if (request === latestRequest.current) store.getState().setAnalysis(indexDiagnostics(report.diagnostics), report.plan);
      } catch {
        // Diagnostics are advisory: a failed compile keeps the last findings rather than blocking editing.
      }
    }, delayMs);
    return () => clearTimeout(timer);
  }, [revision, loads, client, store, delayMs]);
}

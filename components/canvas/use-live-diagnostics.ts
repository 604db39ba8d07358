"use client";
// Compiles the graph on the server shortly after each change and files the findings with the nodes and
// edges they concern. Queries travel in the URL, so a large graph is compiled by flow id once it is
// saved instead of being posted (`canPost` false until then).
import { useEffect, useRef } from "react";
import { useTRPCClient } from "@/components/trpc-provider";
import { indexDiagnostics } from "./diagnostics-index";
import { useEditor, useEditorStore } from "./editor-context";
import { toFlowGraph } from "./graph-mapping";

/** Above this many characters of JSON a graph is compiled by id (URLs over ~8 KB are refused). */
export const MAX_POSTED_GRAPH_CHARS = 4_000;

type Options = { flowId?: string; isSaved?: boolean; delayMs?: number };

export function useLiveDiagnostics({ flowId, isSaved = false, delayMs = 400 }: Options): void {
  const store = useEditorStore();
  const client = useTRPCClient();
  const revision = useEditor((state) => state.revision);
  const loads = useEditor((state) => state.loads);
  const latestRequest = useRef(0);

  useEffect(() => {
    const timer = setTimeout(async () => {
      const { nodes, edges } = store.getState();
      const graph = toFlowGraph(nodes, edges);
      const isSmall = JSON.stringify(graph).length <= MAX_POSTED_GRAPH_CHARS;
      if (!isSmall && !(flowId && isSaved)) return;
      const request = ++latestRequest.current;
      try {
        const report = isSmall ? await client.flow.compile.query({ graph }) : await client.flow.compile.query({ id: flowId! });
        // An older answer arriving after a newer one must not paint stale findings.
        if (request === latestRequest.current) store.getState().setAnalysis(indexDiagnostics(report.diagnostics), report.plan);
      } catch {
        // Diagnostics are advisory: a failed compile keeps the last findings rather than blocking editing.
      }
    }, delayMs);
    return () => clearTimeout(timer);
  }, [revision, loads, isSaved, flowId, client, store, delayMs]);
}

"use client";
// The flow page: loads the flow once, then the editor owns the document (autosave keeps the server in step).
import "@xyflow/react/dist/style.css";
import "@/components/canvas/canvas.css";
import { useQuery } from "@tanstack/react-query";
import { ReactFlowProvider } from "@xyflow/react";
import Link from "next/link";
import { useTRPC } from "@/components/trpc-provider";
import { EditorProvider } from "@/components/editor-state/editor-context";
import { EditorShell } from "./editor-shell";

export function FlowEditor({ flowId }: { flowId: string }) {
  const trpc = useTRPC();
  // Loaded once: later server states arrive only through autosave's answers or an explicit reload.
  const flow = useQuery({ ...trpc.flow.get.queryOptions({ id: flowId }), staleTime: Infinity, refetchOnMount: "always" });
  if (flow.isPending) return <p className="muted">Loading flow…</p>;
  if (flow.isError) {
    return (
      <p role="alert" className="error-banner">
        {flow.error.message} <Link href="/">Back to your flows</Link>
      </p>
    );
  }
  return (
    <EditorProvider key={flow.data.id} graph={flow.data.graph} isAnalysed>
      <ReactFlowProvider>
        <EditorShell flow={flow.data} />
      </ReactFlowProvider>
    </EditorProvider>
  );
}

"use client";
// /flows/[id]/playground: the playground on a page of its own, with the run panel for an answer's run. The
// run view reads the flow's graph from an editor store, so the page holds a read-only one.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc-provider";
import { EditorProvider } from "@/components/editor-state/editor-context";
import { RunProvider } from "@/components/run/run-context";
import { RunPanel } from "@/components/run/run-panel";
import { Playground } from "./playground";

export function PlaygroundPage({ flowId }: { flowId: string }) {
  const trpc = useTRPC();
  const flow = useQuery(trpc.flow.get.queryOptions({ id: flowId }));
  if (flow.isPending) return <p className="muted">Loading flow…</p>;
  if (flow.isError) {
    return (
      <p role="alert" className="error-banner">
        {flow.error.message} <Link href="/">Back to your flows</Link>
      </p>
    );
  }
  return (
    <EditorProvider key={flow.data.id} graph={flow.data.graph} readOnly>
      <RunProvider flowId={flowId}>
        <div className="playground-page">
          <header className="playground-page-header">
            <Link href={`/flows/${encodeURIComponent(flowId)}`}>← Edit flow</Link>
            <h1>{flow.data.name}</h1>
          </header>
          <Playground flowId={flowId} graph={flow.data.graph} />
          <RunPanel />
        </div>
      </RunProvider>
    </EditorProvider>
  );
}

"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc-provider";

/** The flow page before the canvas: name, size of the graph, and a way back. */
export function FlowPlaceholder({ flowId }: { flowId: string }) {
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
    <section>
      <h1>{flow.data.name}</h1>
      <p className="muted">
        Version {flow.data.version} · {flow.data.graph.nodes.length} nodes · {flow.data.graph.edges.length} edges
      </p>
    </section>
  );
}

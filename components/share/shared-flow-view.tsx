"use client";
// What a visitor with a share link sees: the flow read-only, and a way to copy it into their own flows.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { ReadOnlyFlow } from "@/components/canvas/read-only-flow";
import { errorCodeOf } from "@/components/ui/trpc-errors";
import { useTRPC } from "@/components/trpc-provider";
import { SharedNotFound } from "./shared-not-found";

export function SharedFlowView({ token }: { token: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const shared = useQuery({ ...trpc.share.view.queryOptions({ token }), retry: false });
  const duplicate = useMutation(trpc.share.duplicate.mutationOptions({ onSuccess: (flow) => router.push(`/flows/${flow.id}`) }));
  if (shared.isPending) return <p className="muted">Loading shared flow…</p>;
  if (shared.isError) {
    const code = errorCodeOf(shared.error);
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") return <SharedNotFound />;
    return (
      <p role="alert" className="error-banner">
        {shared.error.message}
      </p>
    );
  }
  return (
    <div className="editor-page" data-testid="shared-flow">
      <div className="editor-toolbar" role="toolbar" aria-label="Shared flow">
        <h1 className="editor-title">{shared.data.name}</h1>
        <span className="muted">Shared read-only · updated {shared.data.updatedAt.toLocaleString()}</span>
        <span className="toolbar-spacer" />
        <button type="button" className="primary" disabled={duplicate.isPending} onClick={() => duplicate.mutate({ token })}>
          Duplicate into my flows
        </button>
        {duplicate.error && (
          <span role="alert" className="field-error">
            {duplicate.error.message}
          </span>
        )}
      </div>
      {shared.data.description && <p className="muted shared-description">{shared.data.description}</p>}
      <ReadOnlyFlow graph={shared.data.graph} />
    </div>
  );
}

"use client";
// Shown above the canvas of a flow shared with the person as a viewer: their edits are not saved, and
// duplicating gives them a copy of their own to change and run.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/trpc-provider";

export function ViewOnlyNotice({ flowId, ownerName }: { flowId: string; ownerName: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const duplicate = useMutation(trpc.flow.duplicate.mutationOptions({ onSuccess: (copy) => router.push(`/flows/${copy.id}`) }));
  return (
    <div className="view-only-notice" role="status" data-testid="view-only-notice">
      <span>
        View-only: {ownerName} shared this flow with you. You can run it as it is saved; changes you make here are not saved.
      </span>
      <button type="button" className="primary" disabled={duplicate.isPending} onClick={() => duplicate.mutate({ id: flowId })}>
        Duplicate to edit
      </button>
      {duplicate.error && (
        <span role="alert" className="field-error">
          {duplicate.error.message}
        </span>
      )}
    </div>
  );
}

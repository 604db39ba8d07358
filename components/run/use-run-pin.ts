"use client";
// Pinning a run from the history: a pinned run is kept whatever the retention policy says.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "@/components/trpc-provider";

/** `setPinned(runId, pinned)`, refreshing the flow's run list once stored; `pendingRunId` while one is saving. */
export function useRunPin(flowId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mutation = useMutation(
    trpc.run.pin.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.run.list.queryKey({ flowId }) }) }),
  );
  const setPinned = useCallback((runId: string, pinned: boolean) => mutation.mutate({ runId, pinned }), [mutation]);
  return { setPinned, pendingRunId: mutation.isPending ? mutation.variables?.runId : undefined };
}

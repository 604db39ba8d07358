"use client";
// Follows one run over the run.events subscription and feeds its events to the store. The server replays
// stored events then live ones; tRPC's reconnect resumes after the last tracked seq, and the reducer drops
// anything seen twice, so text never doubles.
import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect } from "react";
import { isTerminalStatus } from "@/lib/engine/run-state";
import { useTRPC } from "@/components/trpc-provider";
import type { RunStore } from "./run-store";
import { useRunSnapshot } from "./use-run-snapshot";

export function useRunWatcher(store: RunStore, runId: string | null, flowId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const snapshot = useRunSnapshot(store);
  const isFollowed = runId !== null && snapshot.runId === runId;
  const isFinished = isFollowed && isTerminalStatus(snapshot.state.status);

  const subscription = useSubscription(
    trpc.run.events.subscriptionOptions(
      { runId: runId ?? "", afterSeq: 0 },
      { enabled: isFollowed && !isFinished, onData: (tracked) => store.apply(tracked.data) },
    ),
  );

  // The history list shows statuses: refresh it when the followed run ends.
  useEffect(() => {
    if (isFinished) void queryClient.invalidateQueries({ queryKey: trpc.run.list.queryKey({ flowId }) });
  }, [isFinished, queryClient, trpc, flowId]);

  return { connection: subscription.status, error: subscription.error };
}

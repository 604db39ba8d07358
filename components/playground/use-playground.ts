"use client";
// The playground's state and commands: the open session, sending a message (a run of the flow), following
// the run that answers it, starting a new session and reopening a past one. Components read it and render.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { isTerminalStatus } from "@/lib/engine/run-state";
import { useTRPC } from "@/components/trpc-provider";
import { createRunStore, type RunStore } from "@/components/run/run-store";
import { useRunSnapshot } from "@/components/run/use-run-snapshot";
import { useRunWatcher } from "@/components/run/use-run-watcher";
import { errorMessageOf } from "@/components/ui/trpc-errors";
import type { LiveTurn } from "./chat-bubbles";

/** Runs before a message is sent (the editor saves pending changes); a string refuses the send with that reason. */
export type BeforeSend = () => Promise<string | null>;

export type Playground = ReturnType<typeof usePlayground>;

export function usePlayground(flowId: string, beforeSend?: BeforeSend) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [store] = useState<RunStore>(createRunStore);
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [live, setLive] = useState<LiveTurn | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sessions = useQuery(trpc.chat.sessions.queryOptions({ flowId }));
  const session = useQuery({ ...trpc.chat.session.queryOptions({ sessionId: sessionId ?? "" }), enabled: sessionId !== null });
  const sending = useMutation(trpc.chat.send.mutationOptions());
  const removing = useMutation(trpc.chat.deleteSession.mutationOptions());
  const watcher = useRunWatcher(store, live?.runId ?? null, flowId);
  const run = useRunSnapshot(store);
  const isAnswered = live !== null && run.runId === live.runId && isTerminalStatus(run.state.status);

  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.chat.sessions.queryKey({ flowId }) });
    void queryClient.invalidateQueries({ queryKey: trpc.chat.session.queryKey() });
  }, [queryClient, trpc, flowId]);
  useEffect(() => {
    if (isAnswered) refresh();
  }, [isAnswered, refresh]);

  const send = useCallback(
    async (message: string) => {
      setError(null);
      const problem = await beforeSend?.();
      if (problem) return void setError(problem);
      sending.mutate(
        { flowId, sessionId: sessionId ?? undefined, message },
        {
          onSuccess: (sent) => {
            // Reset before the subscription starts, so the first replayed event lands on an empty state.
            store.reset(sent.runId);
            setSessionId(sent.sessionId);
            setLive({ runId: sent.runId, message });
            refresh();
          },
          onError: (failure) => setError(errorMessageOf(failure)),
        },
      );
    },
    [beforeSend, sending, flowId, sessionId, store, refresh],
  );

  const open = useCallback(
    (id: string | null) => {
      store.reset(null);
      setLive(null);
      setError(null);
      setSessionId(id);
    },
    [store],
  );

  const remove = useCallback(
    (id: string) => removing.mutate({ sessionId: id }, { onSuccess: () => (id === sessionId && open(null), refresh()), onError: (failure) => setError(errorMessageOf(failure)) }),
    [removing, sessionId, open, refresh],
  );

  return {
    flowId,
    sessionId,
    sessions: sessions.data ?? [],
    messages: session.data?.messages ?? [],
    live,
    run,
    error,
    connectionError: watcher.error,
    isBusy: sending.isPending || (live !== null && !isAnswered),
    send,
    newSession: useCallback(() => open(null), [open]),
    openSession: open,
    deleteSession: remove,
  };
}

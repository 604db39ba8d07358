"use client";
// Everything the run view does, in one place: start, stop, follow a run, reattach after a reload, and the
// open/closed state of its dialog and panel. Components read it from context and stay free of logic.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Diagnostic } from "@/lib/flow/diagnostics";
import { useTRPC } from "@/components/trpc-provider";
import { errorMessageOf } from "@/components/ui/trpc-errors";
import { diagnosticsOfStartError, runToReattach } from "./run-choice";
import { createRunStore, type RunStore } from "./run-store";
import { useRunWatcher } from "./use-run-watcher";

export type StartRefusal = { message: string; diagnostics: Diagnostic[] };

/** Runs before a run starts (the editor saves pending changes); a string refuses the start with that reason. */
export type BeforeRunStart = () => Promise<string | null>;

export type RunController = ReturnType<typeof useRunController>;

function useRunList(flowId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.run.list.queryOptions({ flowId }, { staleTime: 0, refetchOnMount: "always" }));
  const refresh = useCallback(() => void queryClient.invalidateQueries({ queryKey: trpc.run.list.queryKey({ flowId }) }), [queryClient, trpc, flowId]);
  return { list, refresh };
}

function useReattach(runs: { id: string; status: string }[] | undefined, watch: (runId: string) => void) {
  const hasChecked = useRef(false);
  useEffect(() => {
    if (hasChecked.current || !runs) return;
    hasChecked.current = true;
    const runId = runToReattach(runs);
    if (runId) watch(runId);
  }, [runs, watch]);
}

function useRunStart(flowId: string, onStarted: (runId: string) => void, onRefused: () => void, beforeStart?: BeforeRunStart) {
  const trpc = useTRPC();
  const [refusal, setRefusal] = useState<StartRefusal | null>(null);
  const [lastInput, setLastInput] = useState("");
  const mutation = useMutation(trpc.run.start.mutationOptions());
  const start = useCallback(
    async (input: string) => {
      setLastInput(input);
      setRefusal(null);
      // A run executes the stored flow, so what is on the canvas is saved first.
      const problem = await beforeStart?.();
      if (problem) return void (setRefusal({ message: problem, diagnostics: [] }), onRefused());
      mutation.mutate(
        { flowId, input },
        {
          onSuccess: (started) => onStarted(started.runId),
          onError: (error) => (setRefusal({ message: errorMessageOf(error), diagnostics: diagnosticsOfStartError(error) }), onRefused()),
        },
      );
    },
    [flowId, mutation, onStarted, onRefused, beforeStart],
  );
  return { start, isStarting: mutation.isPending, refusal, clearRefusal: useCallback(() => setRefusal(null), []), lastInput };
}

function useRunCancel(runId: string | null) {
  const trpc = useTRPC();
  const mutation = useMutation(trpc.run.cancel.mutationOptions());
  const cancel = useCallback(() => {
    if (runId) mutation.mutate({ runId });
  }, [mutation, runId]);
  return { cancel, isCancelling: mutation.isPending };
}

/** Whether starting a run should ask for its input (the flow has an Input node); read when a run is asked for. */
export type TakesRunInput = () => boolean;

export function useRunController(flowId: string, beforeStart?: BeforeRunStart, takesInput?: TakesRunInput) {
  const [store] = useState<RunStore>(createRunStore);
  const [runId, setRunId] = useState<string | null>(null);
  const [isDialogOpen, setIsDialogOpen] = useState(false);
  const [isPanelOpen, setIsPanelOpen] = useState(false);
  const { list, refresh } = useRunList(flowId);
  const follow = useCallback(
    (id: string) => {
      // Reset before the subscription starts, so the first replayed event lands on an empty state.
      store.reset(id);
      setRunId(id);
      setIsPanelOpen(true);
    },
    [store],
  );
  const onStarted = useCallback((id: string) => (follow(id), refresh()), [follow, refresh]);
  const openPanel = useCallback(() => setIsPanelOpen(true), []);
  const starting = useRunStart(flowId, onStarted, openPanel, beforeStart);
  const cancelling = useRunCancel(runId);
  const { clearRefusal } = starting;
  const watch = useCallback((id: string) => (clearRefusal(), follow(id)), [clearRefusal, follow]);
  const watcher = useRunWatcher(store, runId, flowId);
  useReattach(list.data, watch);
  const start = useCallback((input: string) => (setIsDialogOpen(false), void starting.start(input)), [starting]);
  // A flow without an Input node has nothing to ask: it runs at once.
  const openDialog = useCallback(() => (takesInput && !takesInput() ? start("") : setIsDialogOpen(true)), [takesInput, start]);
  return {
    flowId,
    store,
    runId,
    runs: list.data,
    watch,
    watcher,
    ...starting,
    start,
    ...cancelling,
    isDialogOpen,
    openDialog,
    closeDialog: useCallback(() => setIsDialogOpen(false), []),
    isPanelOpen,
    setIsPanelOpen,
  };
}

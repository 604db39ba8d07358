"use client";
// Hands each node face its own run state: the run view provides its store, a face reads one node with
// useSyncExternalStore, so a chunk streamed into one node re-renders that node only. Without a provider
// (a shared link, a version preview) every node reads `undefined` and shows no run state.
import { createContext, useCallback, useContext, useSyncExternalStore, type ReactNode } from "react";
import type { NodeRunView } from "./node-run-view";
import type { RunStore } from "./run-store";

/** Where node faces read from: the run store, or anything that answers per node and notifies on change. */
export type RunStateSource = Pick<RunStore, "get" | "subscribe">;

const RunStateContext = createContext<RunStateSource | null>(null);

export function RunStateProvider({ source, children }: { source: RunStateSource; children: ReactNode }) {
  return <RunStateContext.Provider value={source}>{children}</RunStateContext.Provider>;
}

const noSubscription = () => () => {};

/** The node's run view, or undefined when no run is shown or the node has no state in it. */
export function useNodeRunState(nodeId: string): NodeRunView | undefined {
  const source = useContext(RunStateContext);
  const read = useCallback(() => source?.get(nodeId), [source, nodeId]);
  return useSyncExternalStore(source?.subscribe ?? noSubscription, read, read);
}

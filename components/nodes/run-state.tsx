"use client";
// Where a node's run state will come from. Runs are built later: this defines the shape and the seam (a
// source keyed by node id, read with useSyncExternalStore) so the run view can feed node faces without
// touching them. Without a provider every node reads `undefined` and shows no run state.
import { createContext, useCallback, useContext, useSyncExternalStore, type ReactNode } from "react";

export const nodeRunStatuses = ["queued", "running", "succeeded", "failed", "skipped", "cancelled"] as const;
export type NodeRunStatus = (typeof nodeRunStatuses)[number];

/** `toolCalls` and `durationMs` are filled in by the run view (components/run) for richer overlays. */
export type NodeRunState = {
  status: NodeRunStatus;
  text?: string;
  error?: string;
  toolCalls?: { callId: string; name: string; result?: string; isError?: boolean }[];
  durationMs?: number;
  /** Shown although the node succeeded: an empty or cut-off answer. */
  warnings?: string[];
  /** A reasoning model's thinking, shown collapsed. */
  reasoning?: string;
};

export type RunStateSource = {
  get(nodeId: string): NodeRunState | undefined;
  subscribe(listener: () => void): () => void;
};

const RunStateContext = createContext<RunStateSource | null>(null);

export function RunStateProvider({ source, children }: { source: RunStateSource; children: ReactNode }) {
  return <RunStateContext.Provider value={source}>{children}</RunStateContext.Provider>;
}

const noSubscription = () => () => {};

export function useNodeRunState(nodeId: string): NodeRunState | undefined {
  const source = useContext(RunStateContext);
  const read = useCallback(() => source?.get(nodeId), [source, nodeId]);
  return useSyncExternalStore(source?.subscribe ?? noSubscription, read, read);
}

"use client";
import { useSyncExternalStore } from "react";
import type { RunSnapshot, RunStore } from "./run-store";

/** The run's whole snapshot: for the panel, which shows everything and so re-renders on every event. */
export function useRunSnapshot(store: RunStore): RunSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}

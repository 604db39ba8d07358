"use client";
// Hands the run controller to the run view's components, and the run store to node faces through
// RunStateProvider.
import "./run.css";
import type { ReactNode } from "react";
import { RunStateProvider } from "./node-run-state";
import { RunDialog } from "./run-dialog";
import { RunEdgeStyles } from "./run-edge-styles";
import { RunContext } from "./use-run";
import { useRunController, type BeforeRunStart } from "./use-run-controller";
import { useRunShortcut } from "./use-run-shortcut";

export function RunProvider({ flowId, beforeStart, children }: { flowId: string; beforeStart?: BeforeRunStart; children: ReactNode }) {
  const controller = useRunController(flowId, beforeStart);
  useRunShortcut(controller.openDialog);
  return (
    <RunContext.Provider value={controller}>
      <RunStateProvider source={controller.store}>
        {children}
        <RunEdgeStyles store={controller.store} />
        {controller.isDialogOpen && <RunDialog />}
      </RunStateProvider>
    </RunContext.Provider>
  );
}

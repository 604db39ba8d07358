"use client";
// Hands the run controller to the run view's components, and the run store to node faces through the
// canvas's RunStateProvider seam.
import "./run.css";
import { createContext, useContext, type ReactNode } from "react";
import { RunStateProvider } from "@/components/nodes/run-state";
import { RunDialog } from "./run-dialog";
import { RunEdgeStyles } from "./run-edge-styles";
import { useRunController, type BeforeRunStart, type RunController } from "./use-run-controller";
import { useRunShortcut } from "./use-run-shortcut";

const RunContext = createContext<RunController | null>(null);

export function useRun(): RunController {
  const controller = useContext(RunContext);
  if (!controller) throw new Error("useRun must be used inside a RunProvider");
  return controller;
}

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

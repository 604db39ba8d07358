"use client";
// Hands the run controller to the run view's components, and the run store to node faces through
// RunStateProvider.
import "./run.css";
import type { ReactNode } from "react";
import { RunStateProvider } from "./node-run-state";
import { RunDialog } from "./run-dialog";
import { RunEdgeStyles } from "./run-edge-styles";
import { RunContext } from "./use-run";
import { useRunController, type BeforeRunStart, type TakesRunInput } from "./use-run-controller";
import { useRunShortcut } from "./use-run-shortcut";

type Props = { flowId: string; beforeStart?: BeforeRunStart; takesInput?: TakesRunInput; children: ReactNode };

export function RunProvider({ flowId, beforeStart, takesInput, children }: Props) {
  const controller = useRunController(flowId, beforeStart, takesInput);
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

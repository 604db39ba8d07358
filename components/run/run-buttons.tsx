"use client";
// The toolbar's run commands: start a run (also by its keymap shortcut) and show or hide the run panel.
import { ariaKeyShortcuts, titleWithShortcut } from "@/components/ui/keymap";
import { isTerminalStatus } from "@/lib/engine/run-state";
import { useRun } from "./use-run";
import { useRunSnapshot } from "./use-run-snapshot";

export function RunButtons() {
  const { openDialog, isStarting, isPanelOpen, setIsPanelOpen, store } = useRun();
  const snapshot = useRunSnapshot(store);
  const isGoing = snapshot.runId !== null && !isTerminalStatus(snapshot.state.status);
  return (
    <>
      <button type="button" className="primary run-button" onClick={openDialog} disabled={isStarting} aria-keyshortcuts={ariaKeyShortcuts("openRunDialog")} title={titleWithShortcut("openRunDialog")}>
        {isGoing ? "Run again" : "Run"}
      </button>
      <button type="button" aria-expanded={isPanelOpen} aria-controls="run-panel" onClick={() => setIsPanelOpen(!isPanelOpen)}>
        Runs
      </button>
    </>
  );
}

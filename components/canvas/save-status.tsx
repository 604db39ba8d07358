"use client";
// The autosave indicator and, on a conflict, the choice between their version and mine.
import { useState } from "react";
import type { Autosave } from "./use-autosave";

const labels: Record<Autosave["status"], string> = {
  saved: "Saved",
  pending: "Unsaved changes",
  saving: "Saving…",
  error: "Error saving",
  conflict: "Conflict",
};

export function SaveStatus({ autosave }: { autosave: Autosave }) {
  return (
    <span className={`save-status save-${autosave.status}`} data-testid="save-status" role="status" aria-live="polite">
      {labels[autosave.status]}
      {autosave.status === "error" && (
        <button type="button" className="link-button" onClick={autosave.saveNow} title={autosave.error ?? undefined}>
          Retry
        </button>
      )}
    </span>
  );
}

export function ConflictBanner({ autosave }: { autosave: Autosave }) {
  const [isBusy, setIsBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (autosave.status !== "conflict") return null;
  const run = (action: () => Promise<void>) => async () => {
    setIsBusy(true);
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : "That did not work; try again.");
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <div role="alert" className="conflict-banner" data-testid="conflict-banner">
      <strong>This flow was changed somewhere else.</strong> Your changes are not saved yet. Reload theirs (your changes are
      dropped) or keep yours (theirs stays in the version history).
      <span className="toolbar">
        <button type="button" disabled={isBusy} onClick={run(autosave.reloadTheirs)}>
          Reload theirs
        </button>
        <button type="button" className="primary" disabled={isBusy} onClick={run(autosave.keepMine)}>
          Keep mine
        </button>
      </span>
      {failure && <span className="field-error">{failure}</span>}
    </div>
  );
}

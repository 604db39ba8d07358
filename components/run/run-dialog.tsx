"use client";
// Asks for the run's input. Enter runs (Shift+Enter for a new line), Escape closes: see the keymap.
import { useState, type FormEvent, type KeyboardEvent } from "react";
import { actionForKey, shortcutText } from "@/components/ui/keymap";
import { Modal } from "@/components/ui/modal";
import { useRun } from "./use-run";

export function RunDialog() {
  const { start, closeDialog, lastInput, isStarting } = useRun();
  const [input, setInput] = useState(lastInput);
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    start(input);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (actionForKey(event, "runInput") !== "submitRunInput" || event.nativeEvent.isComposing) return;
    event.preventDefault();
    submit();
  };
  return (
    <Modal title="Run flow" onClose={closeDialog}>
      <form className="run-dialog" onSubmit={submit}>
        <label htmlFor="run-input">Input</label>
        <textarea
          id="run-input"
          autoFocus
          rows={4}
          value={input}
          onChange={(event) => setInput(event.target.value)}
          onKeyDown={onKeyDown}
          placeholder="What should the flow work on?"
        />
        <p className="field-help">{shortcutText("submitRunInput")} runs the flow; Shift+Enter adds a new line.</p>
        <div className="run-dialog-actions">
          <button type="button" onClick={closeDialog}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={isStarting}>
            Run
          </button>
        </div>
      </form>
    </Modal>
  );
}

"use client";
// Editor keyboard shortcuts, listened for on the whole page so they work wherever focus is, except
// inside form fields, which keep their own undo and select-all.
import { useEffect } from "react";
import { useEditorStore } from "@/components/editor-state/editor-context";
import { commandForKey, isTypingTarget, type EditorCommand } from "@/components/ui/keymap";

const readOnlyCommands: ReadonlySet<EditorCommand> = new Set(["copy", "selectAll"]);

export function useEditorShortcuts(): void {
  const store = useEditorStore();
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      // A dialog open above the canvas owns the keyboard.
      if (document.querySelector("[aria-modal='true']")) return;
      const command = commandForKey(event);
      if (!command) return;
      const state = store.getState();
      if (state.readOnly && !readOnlyCommands.has(command)) return;
      event.preventDefault();
      const actions: Record<EditorCommand, () => void> = {
        undo: state.undo,
        redo: state.redo,
        copy: state.copy,
        paste: state.paste,
        duplicate: state.duplicate,
        delete: state.deleteSelected,
        selectAll: state.selectAll,
      };
      actions[command]();
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [store]);
}

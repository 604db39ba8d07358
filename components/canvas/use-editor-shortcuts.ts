"use client";
// The editor's keyboard commands (the keymap's editing actions), bound to the open flow's store. A
// read-only canvas still copies and selects.
import { useCallback } from "react";
import { useEditorStore } from "@/components/editor-state/editor-context";
import type { KeyAction } from "@/components/ui/keymap";
import { usePageShortcuts } from "@/components/ui/use-page-shortcuts";

const readOnlyActions: ReadonlySet<KeyAction> = new Set(["copy", "selectAll"]);

export function useEditorShortcuts(): void {
  const store = useEditorStore();
  const onAction = useCallback(
    (action: KeyAction) => {
      const state = store.getState();
      const actions: Partial<Record<KeyAction, () => void>> = {
        undo: state.undo,
        redo: state.redo,
        copy: state.copy,
        paste: state.paste,
        duplicate: state.duplicate,
        delete: state.deleteSelected,
        selectAll: state.selectAll,
      };
      const run = actions[action];
      if (!run || (state.readOnly && !readOnlyActions.has(action))) return false;
      run();
      return true;
    },
    [store],
  );
  usePageShortcuts(onAction);
}

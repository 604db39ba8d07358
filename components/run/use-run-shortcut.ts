"use client";
// The keymap's run shortcut (Ctrl/Cmd+Enter) opens the run dialog wherever focus is on the canvas page,
// except in form fields (a textarea may want the key) and while another dialog is open.
import { useCallback } from "react";
import type { KeyAction } from "@/components/ui/keymap";
import { usePageShortcuts } from "@/components/ui/use-page-shortcuts";

export function useRunShortcut(openDialog: () => void): void {
  const onAction = useCallback(
    (action: KeyAction) => {
      if (action !== "openRunDialog") return false;
      openDialog();
      return true;
    },
    [openDialog],
  );
  usePageShortcuts(onAction);
}

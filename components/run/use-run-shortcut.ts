"use client";
// Ctrl/Cmd+Enter opens the run dialog wherever focus is on the canvas page, except in form fields (a
// textarea may want the key) and while another dialog is open.
import { useEffect } from "react";
import { isTypingTarget } from "@/components/ui/keymap";
import { isRunShortcut } from "./run-choice";

export function useRunShortcut(openDialog: () => void): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || !isRunShortcut(event) || isTypingTarget(event.target)) return;
      if (document.querySelector("[aria-modal='true']")) return;
      event.preventDefault();
      openDialog();
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [openDialog]);
}

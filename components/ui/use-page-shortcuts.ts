"use client";
// Page-wide shortcuts (the keymap's "page" scope), listened for on the whole window so they work wherever
// focus is, except inside form fields (which keep their own keys) and while a dialog owns the keyboard.
import { useEffect } from "react";
import { actionForKey, isTypingTarget, type KeyAction } from "./keymap";

/**
 * Calls `onAction` with each page action pressed; it answers whether it handled the action, and only a
 * handled press has its default prevented. Pass a stable callback: the listener is replaced when it changes.
 */
export function usePageShortcuts(onAction: (action: KeyAction) => boolean): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      if (document.querySelector("[aria-modal='true']")) return;
      const action = actionForKey(event, "page");
      if (action && onAction(action)) event.preventDefault();
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [onAction]);
}

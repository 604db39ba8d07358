"use client";
// A small modal dialog: labelled, closes on Escape, takes focus when it opens (unless a field in it took it) and
// gives it back after.
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { actionForKey } from "./keymap";

type Props = { title: string; onClose(): void; children: ReactNode; wide?: boolean };

export function Modal({ title, onClose, children, wide = false }: Props) {
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  // Read while rendering, before a field inside takes focus, so closing gives focus back to what had it.
  const [previous] = useState(() => (typeof document === "undefined" ? null : (document.activeElement as HTMLElement | null)));
  useEffect(() => {
    // A field inside that asked for focus (autoFocus) keeps it; otherwise the dialog itself takes it.
    if (!dialog.current?.contains(document.activeElement)) dialog.current?.focus();
    return () => previous?.focus?.();
  }, [previous]);
  return (
    <div className="modal-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        className={wide ? "modal modal-wide" : "modal"}
        onKeyDown={(event) => actionForKey(event, "dialog") === "closeDialog" && onClose()}
      >
        <header className="modal-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" onClick={onClose} aria-label="Close">
            ×
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}

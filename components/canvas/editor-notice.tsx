"use client";
// A short-lived message from the canvas (a refused connection and its reason), announced politely.
import { useEffect } from "react";
import { useEditor, useEditorStore } from "@/components/editor-state/editor-context";

const VISIBLE_MS = 8_000;

export function EditorNotice() {
  const notice = useEditor((state) => state.notice);
  const store = useEditorStore();
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => store.getState().setNotice(null), VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [notice, store]);
  return (
    <div className="editor-notice" role="status" aria-live="polite" data-testid="editor-notice">
      {notice && (
        <>
          {notice.text}
          <button type="button" className="link-button" aria-label="Dismiss message" onClick={() => store.getState().setNotice(null)}>
            ×
          </button>
        </>
      )}
    </div>
  );
}

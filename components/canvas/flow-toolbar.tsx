"use client";
// The editor's top bar: where you are, whether it is saved, the plan, and the editor's commands.
import Link from "next/link";
import type { ReactNode } from "react";
import { useEditor, useEditorStore } from "@/components/editor-state/editor-context";
import { titleWithShortcut } from "@/components/ui/keymap";
import { PlanBadge } from "./plan-badge";
import { SaveStatus } from "./save-status";
import type { Autosave } from "./use-autosave";

/** `fit`: fits the flow into the canvas the way the page does after its panels change (see use-canvas-fit). */
type Props = { name: string; autosave: Autosave; fit: () => void; children?: ReactNode };

export function FlowToolbar({ name, autosave, fit, children }: Props) {
  const store = useEditorStore();
  const canUndo = useEditor((state) => state.history.past.length > 0);
  const canRedo = useEditor((state) => state.history.future.length > 0);
  return (
    <div className="editor-toolbar" role="toolbar" aria-label="Flow editor">
      <Link href="/" aria-label="Back to your flows">
        ←
      </Link>
      <h1 className="editor-title">{name}</h1>
      <SaveStatus autosave={autosave} />
      <PlanBadge />
      <span className="toolbar-spacer" />
      <button type="button" onClick={() => store.getState().undo()} disabled={!canUndo} aria-label="Undo" title={titleWithShortcut("undo")}>
        Undo
      </button>
      <button type="button" onClick={() => store.getState().redo()} disabled={!canRedo} aria-label="Redo" title={titleWithShortcut("redo")}>
        Redo
      </button>
      <button type="button" onClick={fit}>
        Fit view
      </button>
      {children}
    </div>
  );
}

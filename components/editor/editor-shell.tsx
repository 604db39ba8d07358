"use client";
// Layout of the editor: toolbar on top, palette, canvas and inspector side by side, and the panels and
// dialogs the toolbar opens.
import { useCallback, useState } from "react";
import { RunButtons } from "@/components/run/run-buttons";
import { takesRunInput } from "@/components/run/run-choice";
import { RunProvider } from "@/components/run/run-context";
import { RunPanel } from "@/components/run/run-panel";
import { EditorPlayground } from "@/components/playground/editor-playground";
import { ShareButton } from "@/components/share/share-button";
import { EditorNotice } from "@/components/canvas/editor-notice";
import { FlowCanvas } from "@/components/canvas/flow-canvas";
import { FlowDiagnostics } from "@/components/canvas/flow-diagnostics";
import { FlowToolbar } from "@/components/canvas/flow-toolbar";
import { ImportExportButtons } from "@/components/canvas/import-export";
import { Inspector } from "@/components/canvas/inspector";
import { Palette } from "@/components/canvas/palette";
import { ConflictBanner } from "@/components/canvas/save-status";
import { useAutosave } from "@/components/canvas/use-autosave";
import { useEditorShortcuts } from "@/components/canvas/use-editor-shortcuts";
import { useLiveDiagnostics } from "@/components/canvas/use-live-diagnostics";
import { VersionPanel } from "@/components/canvas/version-panel";
import { ViewOnlyNotice } from "@/components/canvas/view-only-notice";
import { useEditorStore } from "@/components/editor-state/editor-context";
import { ShortcutsHelp } from "@/components/ui/shortcuts-dialog";

/** `access`: the person's relation to the flow; a viewer's canvas is never saved, and only the owner shares. */
type Flow = { id: string; name: string; version: number; access: "owner" | "editor" | "viewer"; owner: { name: string } };

export function EditorShell({ flow }: { flow: Flow }) {
  const isViewOnly = flow.access === "viewer";
  const autosave = useAutosave(flow.id, flow.version, { isReadOnly: isViewOnly });
  const [isHistoryOpen, setIsHistoryOpen] = useState(false);
  const store = useEditorStore();
  const takesInput = useCallback(() => takesRunInput(store.getState().nodes), [store]);
  const [isPlaygroundOpen, setIsPlaygroundOpen] = useState(false);
  useLiveDiagnostics();
  useEditorShortcuts();
  return (
    <RunProvider flowId={flow.id} beforeStart={autosave.flush} takesInput={takesInput}>
      <div className="editor-page" data-testid="flow-editor">
        <FlowToolbar name={flow.name} autosave={autosave}>
          <RunButtons />
          <ImportExportButtons flowId={flow.id} flowName={flow.name} />
          <button type="button" aria-expanded={isHistoryOpen} onClick={() => setIsHistoryOpen((open) => !open)}>
            History
          </button>
          <button type="button" aria-expanded={isPlaygroundOpen} onClick={() => setIsPlaygroundOpen((open) => !open)}>
            Playground
          </button>
          {flow.access === "owner" && <ShareButton flowId={flow.id} />}
          <ShortcutsHelp />
        </FlowToolbar>
        {isViewOnly && <ViewOnlyNotice flowId={flow.id} ownerName={flow.owner.name} />}
        <ConflictBanner autosave={autosave} />
        <FlowDiagnostics />
        <div className="editor-body">
          <Palette />
          <div className="editor-canvas">
            <FlowCanvas />
            <EditorNotice />
          </div>
          {isHistoryOpen ? <VersionPanel flowId={flow.id} access={flow.access} autosave={autosave} onClose={() => setIsHistoryOpen(false)} /> : <Inspector />}
          {isPlaygroundOpen && <EditorPlayground flowId={flow.id} beforeSend={autosave.flush} onClose={() => setIsPlaygroundOpen(false)} />}
        </div>
        <RunPanel />
      </div>
    </RunProvider>
  );
}

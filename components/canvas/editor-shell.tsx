"use client";
// Layout of the editor: toolbar on top, palette, canvas and inspector side by side, and the panels and
// dialogs the toolbar opens.
import { useState } from "react";
import { RunButtons } from "@/components/run/run-buttons";
import { RunProvider } from "@/components/run/run-context";
import { RunPanel } from "@/components/run/run-panel";
import { ShareButton } from "@/components/share/share-button";
import { EditorNotice } from "./editor-notice";
import { FlowCanvas } from "./flow-canvas";
import { FlowDiagnostics } from "./flow-diagnostics";
import { FlowToolbar } from "./flow-toolbar";
import { ImportExportButtons } from "./import-export";
import { Inspector } from "./inspector";
import { Palette } from "./palette";
import { ConflictBanner } from "./save-status";
import { useAutosave } from "./use-autosave";
import { useEditorShortcuts } from "./use-editor-shortcuts";
import { useLiveDiagnostics } from "./use-live-diagnostics";
import { VersionPanel } from "./version-panel";
import { ViewOnlyNotice } from "./view-only-notice";

/** `access`: the person's relation to the flow; a viewer's canvas is never saved, and only the owner shares. */
type Flow = { id: string; name: string; version: number; access: "owner" | "editor" | "viewer"; owner: { name: string } };

export function EditorShell({ flow }: { flow: Flow }) {
  const isViewOnly = flow.access === "viewer";
  const autosave = useAutosave(flow.id, flow.version, { isReadOnly: isViewOnly });
  const [isHistoryOpen, setIsHistoryOpen] = useState(false);
  useLiveDiagnostics();
  useEditorShortcuts();
  return (
    <RunProvider flowId={flow.id} beforeStart={autosave.flush}>
      <div className="editor-page" data-testid="flow-editor">
        <FlowToolbar name={flow.name} autosave={autosave}>
          <RunButtons />
          <ImportExportButtons flowId={flow.id} flowName={flow.name} />
          <button type="button" aria-expanded={isHistoryOpen} onClick={() => setIsHistoryOpen((open) => !open)}>
            History
          </button>
          {flow.access === "owner" && <ShareButton flowId={flow.id} />}
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
        </div>
        <RunPanel />
      </div>
    </RunProvider>
  );
}

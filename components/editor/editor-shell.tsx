"use client";
// The editor: toolbar on top, then the panels (editor-panels.tsx), and the dialogs the toolbar opens.
import { useCallback, useState } from "react";
import { RunButtons } from "@/components/run/run-buttons";
import { takesRunInput } from "@/components/run/run-choice";
import { RunProvider } from "@/components/run/run-context";
import { ShareButton } from "@/components/share/share-button";
import { FlowDiagnostics } from "@/components/canvas/flow-diagnostics";
import { FlowToolbar } from "@/components/canvas/flow-toolbar";
import { ImportExportButtons } from "@/components/canvas/import-export";
import { Inspector } from "@/components/canvas/inspector";
import { ConflictBanner } from "@/components/canvas/save-status";
import { useAutosave } from "@/components/canvas/use-autosave";
import { useCanvasFit } from "@/components/canvas/use-canvas-fit";
import { useEditorShortcuts } from "@/components/canvas/use-editor-shortcuts";
import { useLiveDiagnostics } from "@/components/canvas/use-live-diagnostics";
import { VersionPanel } from "@/components/canvas/version-panel";
import { ViewOnlyNotice } from "@/components/canvas/view-only-notice";
import { useEditorStore } from "@/components/editor-state/editor-context";
import { ShortcutsHelp } from "@/components/ui/shortcuts-dialog";
import { EditorPanels } from "./editor-panels";

/** `access`: the person's relation to the flow; a viewer's canvas is never saved, and only the owner shares. */
type Flow = { id: string; name: string; version: number; access: "owner" | "editor" | "viewer"; owner: { name: string } };

export function EditorShell({ flow }: { flow: Flow }) {
  const isViewOnly = flow.access === "viewer";
  const autosave = useAutosave(flow.id, flow.version, { isReadOnly: isViewOnly });
  const [isHistoryOpen, setIsHistoryOpen] = useState(false);
  const store = useEditorStore();
  const takesInput = useCallback(() => takesRunInput(store.getState().nodes), [store]);
  const [isPlaygroundOpen, setIsPlaygroundOpen] = useState(false);
  const [isMinimapShown, setIsMinimapShown] = useState(true);
  const refit = useCanvasFit(isMinimapShown);
  useLiveDiagnostics({ isAnalysedOnOpen: true });
  useEditorShortcuts();
  return (
    <RunProvider flowId={flow.id} beforeStart={autosave.flush} takesInput={takesInput}>
      <div className="editor-page" data-testid="flow-editor">
        <FlowToolbar name={flow.name} autosave={autosave} fit={refit}>
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
        <EditorPanels
          flowId={flow.id}
          beforeSend={autosave.flush}
          refit={refit}
          minimap={{ isShown: isMinimapShown, toggle: () => setIsMinimapShown((shown) => !shown) }}
          isPlaygroundOpen={isPlaygroundOpen}
          onClosePlayground={() => setIsPlaygroundOpen(false)}
          side={isHistoryOpen ? <VersionPanel flowId={flow.id} access={flow.access} autosave={autosave} onClose={() => setIsHistoryOpen(false)} /> : <Inspector />}
        />
      </div>
    </RunProvider>
  );
}

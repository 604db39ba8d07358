"use client";
// The editor's panels: palette, canvas and side panel (inspector or history) in the middle, the playground
// beside them and the run panel below, both resizable (drag or arrow keys on the separator), collapsible,
// and remembered in localStorage. The canvas re-fits whenever the person changes the space it has.
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { Group, Panel, Separator, useDefaultLayout, usePanelRef, type LayoutChangedMeta } from "react-resizable-panels";
import { EditorNotice } from "@/components/canvas/editor-notice";
import { FlowCanvas, type MinimapSwitch } from "@/components/canvas/flow-canvas";
import { Palette } from "@/components/canvas/palette";
import { PLAYGROUND_PANEL, RUN_PANEL, layoutStorage } from "@/components/canvas/panel-layout";
import { EditorPlayground } from "@/components/playground/editor-playground";
import type { BeforeSend } from "@/components/playground/use-playground";
import { RunPanel } from "@/components/run/run-panel";
import { useRun } from "@/components/run/use-run";

type Props = {
  flowId: string;
  beforeSend: BeforeSend;
  /** Fits the flow into the canvas, leaving room for the minimap (see use-canvas-fit). */
  refit: () => void;
  minimap: MinimapSwitch;
  isPlaygroundOpen: boolean;
  onClosePlayground: () => void;
  /** The panel right of the canvas: the inspector, or the version history while open. */
  side: ReactNode;
};

export function EditorPanels({ flowId, beforeSend, refit, minimap, isPlaygroundOpen, onClosePlayground, side }: Props) {
  const { isPanelOpen: isRunOpen } = useRun();
  const runPanel = usePanelRef();
  const playgroundPanel = usePanelRef();
  const [isRunCollapsed, setIsRunCollapsed] = useState(false);
  const storage = useState(layoutStorage)[0];
  const rows = useDefaultLayout({ id: "editor-rows", panelIds: isRunOpen ? ["editor-main", "run-slot"] : ["editor-main"], storage });
  const columns = useDefaultLayout({
    id: "editor-columns",
    panelIds: isPlaygroundOpen ? ["editor-work", "playground-slot"] : ["editor-work"],
    storage,
  });
  useRefitOnChange(refit, [isRunOpen, isPlaygroundOpen, minimap.isShown]);
  // A playground last dragged shut would reopen folded away, out of sight: the toolbar button unfolds it.
  // It waits a frame: the group registers a new panel after the first render.
  useEffect(() => {
    if (!isPlaygroundOpen) return;
    const frame = requestAnimationFrame(() => {
      const panel = playgroundPanel.current;
      if (panel?.isCollapsed()) panel.resize(PLAYGROUND_PANEL.defaultPx);
    });
    return () => cancelAnimationFrame(frame);
  }, [isPlaygroundOpen, playgroundPanel]);

  const onRowsChanged = useLayoutSaver(rows.onLayoutChanged, refit);
  const onColumnsChanged = useLayoutSaver(columns.onLayoutChanged, refit);
  const toggleRunCollapsed = useCallback(() => {
    const panel = runPanel.current;
    if (!panel) return;
    if (panel.isCollapsed()) panel.expand();
    else panel.collapse();
    refit();
  }, [runPanel, refit]);

  return (
    <Group orientation="vertical" id="editor-rows" className="editor-rows" defaultLayout={rows.defaultLayout} onLayoutChanged={onRowsChanged}>
      <Panel id="editor-main" minSize={160}>
        <Group orientation="horizontal" id="editor-columns" className="editor-columns" defaultLayout={columns.defaultLayout} onLayoutChanged={onColumnsChanged}>
          <Panel id="editor-work" minSize={320}>
            <div className="editor-body">
              <Palette />
              <div className="editor-canvas">
                <FlowCanvas minimap={minimap} />
                <EditorNotice />
              </div>
              {side}
            </div>
          </Panel>
          {isPlaygroundOpen && (
            <>
              <Separator id="playground-separator" className="panel-separator" aria-label="Resize playground" />
              <Panel id="playground-slot" panelRef={playgroundPanel} collapsible minSize={PLAYGROUND_PANEL.minPx} defaultSize={PLAYGROUND_PANEL.defaultPx}>
                <EditorPlayground flowId={flowId} beforeSend={beforeSend} onClose={onClosePlayground} />
              </Panel>
            </>
          )}
        </Group>
      </Panel>
      {isRunOpen && (
        <>
          <Separator id="run-separator" className="panel-separator" aria-label="Resize run panel" />
          <Panel
            id="run-slot"
            panelRef={runPanel}
            collapsible
            collapsedSize={RUN_PANEL.collapsedPx}
            minSize={RUN_PANEL.minPx}
            defaultSize={RUN_PANEL.defaultPx}
            onResize={() => setIsRunCollapsed(runPanel.current?.isCollapsed() ?? false)}
          >
            <RunPanel collapse={{ isCollapsed: isRunCollapsed, toggle: toggleRunCollapsed }} />
          </Panel>
        </>
      )}
    </Group>
  );
}

/** Saves each finished layout, and re-fits the canvas when the person (not the program) changed it. */
function useLayoutSaver(save: (layout: Record<string, number>, meta: LayoutChangedMeta) => void, refit: () => void) {
  return useCallback(
    (layout: Record<string, number>, meta: LayoutChangedMeta) => {
      save(layout, meta);
      if (meta.isUserInteraction) refit();
    },
    [save, refit],
  );
}

/** Re-fits the canvas when a panel opens or closes, or the minimap shows or hides; not on the first render. */
function useRefitOnChange(refit: () => void, watched: unknown[]) {
  const previous = useRef(watched);
  useEffect(() => {
    if (watched.every((value, index) => Object.is(value, previous.current[index]))) return;
    previous.current = watched;
    refit();
  });
}

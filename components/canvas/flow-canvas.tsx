"use client";
// The xyflow canvas bound to the editor store: rendering, connection rules, drop from the palette,
// minimap and zoom controls. Editing rules live in the store and the pure helpers, not here.
import { Background, ControlButton, Controls, MiniMap, ReactFlow, useReactFlow, useStore, type FinalConnectionState, type IsValidConnection } from "@xyflow/react";
import { useCallback, useMemo, type DragEvent } from "react";
import { CompactFacesContext, LARGE_FLOW_NODES, isCompactView } from "@/components/nodes/compact-faces";
import { nodeTypes } from "@/components/nodes/node-types";
import { checkConnection } from "@/components/editor-state/connection-rules";
import { requestFromDrag } from "./connection-feedback";
import { FIT_MAX_ZOOM, MINIMAP, fitPadding } from "./panel-layout";
import { decorateEdges } from "@/components/editor-state/diagnostics-index";
import { useEditor, useEditorStore } from "@/components/editor-state/editor-context";
import type { CanvasEdge } from "@/components/editor-state/graph-mapping";

export const PALETTE_DRAG_TYPE = "application/x-osmen-node-kind";

/** The minimap's visibility, owned by the page so that its refits can leave room for it. */
export type MinimapSwitch = { isShown: boolean; toggle: () => void };

/** `minimap`: when given, the zoom controls offer to hide and show the minimap; without it, it is always shown. */
export function FlowCanvas({ readOnly = false, minimap }: { readOnly?: boolean; minimap?: MinimapSwitch }) {
  const isMinimapShown = minimap?.isShown ?? true;
  const store = useEditorStore();
  const nodes = useEditor((state) => state.nodes);
  const isLarge = nodes.length >= LARGE_FLOW_NODES;
  const edges = useEditor((state) => state.edges);
  const byEdge = useEditor((state) => state.diagnostics.byEdge);
  const displayedEdges = useMemo(() => decorateEdges(edges, byEdge), [edges, byEdge]);
  const { screenToFlowPosition } = useReactFlow();
  const isCompact = useStore(isCompactView);

  const isValidConnection = useCallback<IsValidConnection<CanvasEdge>>(
    (connection) => checkConnection(connection, store.getState().nodes).ok,
    [store],
  );

  const onConnectEnd = useCallback(
    (_event: MouseEvent | TouchEvent, connection: FinalConnectionState) => {
      if (connection.isValid !== false) return;
      const request = requestFromDrag(connection.fromHandle, connection.toHandle);
      const check = request ? checkConnection(request, store.getState().nodes) : null;
      if (check && !check.ok) store.getState().setNotice(`Connection refused: ${check.reason}`);
    },
    [store],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(PALETTE_DRAG_TYPE);
      if (!type || readOnly) return;
      event.preventDefault();
      store.getState().addNode(type, screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [store, screenToFlowPosition, readOnly],
  );

  return (
    <CompactFacesContext.Provider value={isCompact}>
      <ReactFlow
        nodes={nodes}
        edges={displayedEdges}
        nodeTypes={nodeTypes}
        onlyRenderVisibleElements={isLarge}
        onNodesChange={store.getState().onNodesChange}
        onEdgesChange={store.getState().onEdgesChange}
        onConnect={store.getState().connect}
        isValidConnection={isValidConnection}
        onConnectEnd={onConnectEnd}
        onDrop={onDrop}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = "copy";
        }}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        edgesReconnectable={false}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={["Shift", "Meta", "Control"]}
        colorMode="system"
        minZoom={0.05}
        fitView
        fitViewOptions={{ maxZoom: FIT_MAX_ZOOM, padding: fitPadding(isMinimapShown) }}
        aria-label={readOnly ? "Flow canvas (read-only)" : "Flow canvas"}
      >
        <Background />
        {isMinimapShown && (
          <MiniMap pannable zoomable ariaLabel="Mini map" position="bottom-right" style={{ width: MINIMAP.width, height: MINIMAP.height, margin: MINIMAP.margin }} />
        )}
        <Controls showInteractive={false} aria-label="Zoom controls" fitViewOptions={{ maxZoom: FIT_MAX_ZOOM, padding: fitPadding(isMinimapShown) }}>
          {minimap && (
            <ControlButton onClick={minimap.toggle} aria-pressed={minimap.isShown} aria-label={minimap.isShown ? "Hide mini map" : "Show mini map"} title={minimap.isShown ? "Hide mini map" : "Show mini map"}>
              <svg viewBox="0 0 16 16" aria-hidden="true">
                <rect x="1.5" y="3" width="13" height="10" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
                <rect x="8" y="8" width="5" height="3.5" fill="currentColor" />
              </svg>
            </ControlButton>
          )}
        </Controls>
      </ReactFlow>
    </CompactFacesContext.Provider>
  );
}

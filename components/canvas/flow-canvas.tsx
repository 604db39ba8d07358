"use client";
// The xyflow canvas bound to the editor store: rendering, connection rules, drop from the palette,
// minimap and zoom controls. Editing rules live in the store and the pure helpers, not here.
import { Background, Controls, MiniMap, ReactFlow, useReactFlow, type FinalConnectionState, type IsValidConnection } from "@xyflow/react";
import { useCallback, useMemo, type DragEvent } from "react";
import { nodeTypes } from "@/components/nodes/node-types";
import { checkConnection } from "@/components/editor-state/connection-rules";
import { requestFromDrag } from "./connection-feedback";
import { decorateEdges } from "@/components/editor-state/diagnostics-index";
import { useEditor, useEditorStore } from "@/components/editor-state/editor-context";
import type { CanvasEdge } from "@/components/editor-state/graph-mapping";

export const PALETTE_DRAG_TYPE = "application/x-osmen-node-kind";

/**
 * From this many nodes on, xyflow renders only the nodes and edges in view: zoomed in on a large flow,
 * panning and dragging then cost what is on screen, not the whole graph. Smaller flows render everything,
 * so nothing appears late while panning them.
 */
export const LARGE_FLOW_NODES = 100;

export function FlowCanvas({ readOnly = false }: { readOnly?: boolean }) {
  const store = useEditorStore();
  const nodes = useEditor((state) => state.nodes);
  const isLarge = nodes.length >= LARGE_FLOW_NODES;
  const edges = useEditor((state) => state.edges);
  const byEdge = useEditor((state) => state.diagnostics.byEdge);
  const displayedEdges = useMemo(() => decorateEdges(edges, byEdge), [edges, byEdge]);
  const { screenToFlowPosition } = useReactFlow();

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
      fitViewOptions={{ maxZoom: 1 }}
      aria-label={readOnly ? "Flow canvas (read-only)" : "Flow canvas"}
    >
      <Background />
      <MiniMap pannable zoomable ariaLabel="Mini map" />
      <Controls showInteractive={false} aria-label="Zoom controls" />
    </ReactFlow>
  );
}

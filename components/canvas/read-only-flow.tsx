"use client";
// A graph shown on a canvas that can be panned, zoomed and inspected but not changed: shared links and
// version previews.
import "@xyflow/react/dist/style.css";
import "./canvas.css";
import { ReactFlowProvider } from "@xyflow/react";
import type { FlowGraph } from "@/lib/flow/graph-schema";
import { EditorProvider } from "@/components/editor-state/editor-context";
import { FlowCanvas } from "./flow-canvas";
import { Inspector } from "./inspector";

export function ReadOnlyFlow({ graph }: { graph: FlowGraph }) {
  return (
    <EditorProvider graph={graph} readOnly>
      <ReactFlowProvider>
        <div className="editor-body read-only-body">
          <div className="editor-canvas">
            <FlowCanvas readOnly />
          </div>
          <Inspector />
        </div>
      </ReactFlowProvider>
    </EditorProvider>
  );
}

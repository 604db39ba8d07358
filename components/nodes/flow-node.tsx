"use client";
// The face of every node on the canvas, whatever its kind: everything shown comes from the catalog entry
// (title, ports, summary), the node's diagnostics, the plan's pattern, and its run state.
import type { NodeProps } from "@xyflow/react";
import { memo, useContext } from "react";
import { worstSeverity } from "@/components/editor-state/diagnostics-index";
import { useEditor } from "@/components/editor-state/editor-context";
import type { CanvasNode } from "@/components/editor-state/graph-mapping";
import { CompactFacesContext } from "./compact-faces";
import { PortHandle } from "./port-handle";
import { useNodeRunState } from "@/components/run/node-run-state";
import { NodeDiagnostics, NodeRunOverlay } from "./node-extras";
import { nodeFace } from "./node-face";
import { NodeIcon } from "./node-icon";
import { ownValue } from "@/lib/plain-data";

function FlowNodeView({ id, type, data, selected }: NodeProps<CanvasNode>) {
  const diagnostics = useEditor((state) => state.diagnostics.byNode.get(id));
  const pattern = useEditor((state) => (state.plan ? ownValue(state.plan.patterns, id) : undefined));
  const runState = useNodeRunState(id);
  const isCompact = useContext(CompactFacesContext);
  const { title, category, name, summary, ports, isSample } = nodeFace(id, type, data);
  const severity = worstSeverity(diagnostics);
  const classes = ["flow-node", `category-${category}`, severity && `has-${severity}`, selected && "is-selected", isCompact && "is-compact"];
  const className = classes.filter(Boolean).join(" ");
  if (isCompact) {
    // Seen from far (see compact-faces.ts): the kind and the handles edges attach to; colours carry the rest.
    return (
      <div role="group" aria-label={`${title}: ${name}`} className={className} data-run-status={runState?.status}>
        <header className="flow-node-header">
          <NodeIcon type={type} />
          <span className="flow-node-title">{title}</span>
        </header>
        <div className="flow-node-ports">
          <div>
            {ports.inputs.map((port) => (
              <PortHandle key={port.name} port={port} side="input" isCompact />
            ))}
          </div>
          <div>
            {ports.outputs.map((port) => (
              <PortHandle key={port.name} port={port} side="output" isCompact />
            ))}
          </div>
        </div>
      </div>
    );
  }
  return (
    <div role="group" aria-label={`${title}: ${name}`} className={className} data-run-status={runState?.status}>
      <header className="flow-node-header">
        <NodeIcon type={type} />
        <span className="flow-node-title">{title}</span>
        {isSample && (
          <span className="sample-badge" title="Uses sample data, not your account">
            Sample
          </span>
        )}
        {pattern && (
          <span className="pattern-badge" title="Orchestration pattern">
            {pattern}
          </span>
        )}
      </header>
      <div className="flow-node-name">{name}</div>
      {summary && <div className="flow-node-summary">{summary}</div>}
      <div className="flow-node-ports">
        <div>
          {ports.inputs.map((port) => (
            <PortHandle key={port.name} port={port} side="input" />
          ))}
        </div>
        <div>
          {ports.outputs.map((port) => (
            <PortHandle key={port.name} port={port} side="output" />
          ))}
        </div>
      </div>
      <NodeDiagnostics diagnostics={diagnostics} />
      <NodeRunOverlay state={runState} />
    </div>
  );
}

/**
 * The face shows only the node's id, kind, data and selection (its findings, pattern and run state it reads
 * from the stores itself), so a face re-renders when one of those changes, and not when xyflow hands it a
 * new position while the node is dragged, or new dimensions, z-index or flags.
 */
export function isSameFace(previous: FaceProps, next: FaceProps): boolean {
  return previous.id === next.id && previous.type === next.type && previous.data === next.data && previous.selected === next.selected;
}

type FaceProps = Pick<NodeProps<CanvasNode>, "id" | "type" | "data" | "selected">;

export const FlowNode = memo(FlowNodeView, isSameFace);

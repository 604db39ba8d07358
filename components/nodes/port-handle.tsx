"use client";
// One labelled port: a handle coloured by its type (see canvas.css), on the left for inputs and the
// right for outputs; its name is the port's name, which is what edges store as sourceHandle/targetHandle.
import { Handle, Position } from "@xyflow/react";
import type { PortSpec } from "@/lib/flow/ports";

/** `isCompact`: the handle without its label, for a face seen from far (compact-faces.ts). */
export function PortHandle({ port, side, isCompact = false }: { port: PortSpec; side: "input" | "output"; isCompact?: boolean }) {
  const label = port.label ?? port.name;
  const description = `${label} ${side} (${port.type}${port.required ? ", required" : ""}${port.multiple ? ", takes many" : ""})`;
  return (
    <div className={`flow-port flow-port-${side}`} data-port-type={port.type}>
      <Handle
        id={port.name}
        type={side === "input" ? "target" : "source"}
        position={side === "input" ? Position.Left : Position.Right}
        className={`port-handle port-${port.type}`}
        aria-label={description}
        title={port.description ? `${description}: ${port.description}` : description}
      />
      {!isCompact && (
        <span className="flow-port-label">
          {label}
          {port.required && <span aria-hidden="true">*</span>}
        </span>
      )}
    </div>
  );
}

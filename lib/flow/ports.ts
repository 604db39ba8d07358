// Port types and the rules for which output may feed which input. Shared by the compiler and the canvas,
// so a connection the canvas allows is one the compiler accepts.
export const portTypes = ["text", "model", "tool", "data", "agent"] as const;
export type PortType = (typeof portTypes)[number];

export type PortSpec = {
  name: string;
  type: PortType;
  label?: string;
  /** Inputs only: the node cannot run without an edge here. */
  required?: boolean;
  /** Inputs only: accepts many edges (the node receives an array, ordered as documented by the kind). */
  multiple?: boolean;
  description?: string;
};

export type NodePorts = { inputs: PortSpec[]; outputs: PortSpec[] };

/** Ports that carry a thing to use (a model, a tool, an agent) rather than a computed value. */
export const handlePortTypes: ReadonlySet<PortType> = new Set(["model", "tool", "agent"]);

// Text and JSON convert into each other losslessly enough for a prompt; an agent can be offered as a tool
// (that is how a coordinator delegates to a specialist). Nothing else mixes.
const compatible: Record<PortType, ReadonlySet<PortType>> = {
  text: new Set(["text", "data"]),
  data: new Set(["data", "text"]),
  model: new Set(["model"]),
  tool: new Set(["tool"]),
  agent: new Set(["agent", "tool"]),
};

export function canConnect(from: PortType, to: PortType): boolean {
  return compatible[from].has(to);
}

export function findPort(ports: PortSpec[], name: string | null | undefined): PortSpec | undefined {
  // An edge without a handle name means "the node's only port", as @xyflow/react does for single-handle nodes.
  if (name == null || name === "") return ports.length === 1 ? ports[0] : undefined;
  return ports.find((port) => port.name === name);
}

// The one rule for an edge between two nodes' ports, shared by the canvas (as a person draws a connection)
// and the compiler (on save and run), so a connection the canvas accepts is one the compiler accepts.
// Each side words the verdict for its audience: the canvas as a reason, the compiler as a diagnostic.
import { canConnect, findPort, type NodePorts, type PortSpec } from "./ports";

/** The handles an edge names; a missing or empty handle means the node's only port on that side. */
export type EdgeHandles = { sourceHandle?: string | null; targetHandle?: string | null };

/**
 * The verdict on an edge's ports. `missing_output` (checked first) and `missing_input` say the named
 * handle is not a port of that node; `incompatible` says the output's type cannot feed the input's.
 */
export type EdgePortCheck =
  | { isValid: true; sourcePort: PortSpec; targetPort: PortSpec }
  | { isValid: false; problem: "missing_output" | "missing_input" }
  | { isValid: false; problem: "incompatible"; sourcePort: PortSpec; targetPort: PortSpec };

/** Checks an edge from the source node's outputs to the target node's inputs. Pure. */
export function checkEdgePorts(source: Pick<NodePorts, "outputs">, target: Pick<NodePorts, "inputs">, handles: EdgeHandles): EdgePortCheck {
  const sourcePort = findPort(source.outputs, handles.sourceHandle);
  if (!sourcePort) return { isValid: false, problem: "missing_output" };
  const targetPort = findPort(target.inputs, handles.targetHandle);
  if (!targetPort) return { isValid: false, problem: "missing_input" };
  if (!canConnect(sourcePort.type, targetPort.type)) return { isValid: false, problem: "incompatible", sourcePort, targetPort };
  return { isValid: true, sourcePort, targetPort };
}

/** An input without `multiple` takes one edge: the canvas replaces the old one, the compiler refuses a second. */
export const takesOneEdge = (port: PortSpec): boolean => !port.multiple;

// What flows along model, tool and agent edges: descriptions of things to use, not computed values.
// Model and agent handles are plain data; a tool handle carries its invoke function. The types live in
// run-context.ts, beside the run services a tool receives (the two refer to each other); this file holds
// what works on handles.
import type { Handle } from "./run-context";

export {
  agentRoles,
  AgentRole,
  type AgentHandle,
  type Handle,
  type ModelConfig,
  type ModelHandle,
  type ToolHandle,
  type ToolInvokeContext,
} from "./run-context";

export function isHandle(value: unknown): value is Handle {
  if (typeof value !== "object" || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  return (kind === "model" || kind === "tool" || kind === "agent") && "nodeId" in value;
}

/** The JSON form a handle takes in events and results: enough to show, nothing secret, no functions. */
export function describeHandle(handle: Handle): Record<string, unknown> {
  if (handle.kind === "model") {
    return { kind: "model", nodeId: handle.nodeId, provider: handle.config.provider, model: handle.config.model };
  }
  if (handle.kind === "tool") return { kind: "tool", nodeId: handle.nodeId, name: handle.definition.name };
  return { kind: "agent", nodeId: handle.nodeId, name: handle.name, role: handle.role };
}

/** Replaces handles (also inside arrays) by their descriptions so a node's outputs can travel as JSON. */
export function toSerializable(value: unknown): unknown {
  if (isHandle(value)) return describeHandle(value);
  if (Array.isArray(value)) return value.map(toSerializable);
  return value;
}

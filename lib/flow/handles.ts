// What flows along model, tool and agent edges: descriptions of things to use, not computed values.
// Model and agent handles are plain data; a tool handle carries its invoke function.
import type { ToolDefinition } from "@/lib/llm/types";
import type { RunServices } from "./run-context";

/** A provider node's settings; `credentialId` is resolved to an apiKey by the run's provider resolver. */
export type ModelConfig = {
  provider: string;
  model?: string;
  /** Unset settings are not sent: the provider's default applies. */
  temperature?: number;
  reasoningEffort?: string;
  maxTokens?: number;
  jsonMode?: boolean;
  timeoutMs?: number;
  retryAttempts?: number;
  rateLimitRpm?: number;
  rateLimitTpm?: number;
  baseUrl?: string;
  credentialId?: string;
};

export type ModelHandle = { kind: "model"; nodeId: string; config: ModelConfig };

export type ToolInvokeContext = { signal: AbortSignal; services: RunServices; callerNodeId: string };

export type ToolHandle = {
  kind: "tool";
  nodeId: string;
  definition: ToolDefinition;
  invoke(args: Record<string, unknown>, context: ToolInvokeContext): Promise<unknown>;
};

export const agentRoles = ["coordinator", "specialist", "supervisor", "worker"] as const;
export type AgentRole = (typeof agentRoles)[number];
/** The OsMEN guide's enum, usable as a value: `AgentRole.COORDINATOR === "coordinator"`. */
export const AgentRole = {
  COORDINATOR: "coordinator",
  SPECIALIST: "specialist",
  SUPERVISOR: "supervisor",
  WORKER: "worker",
} as const satisfies Record<string, AgentRole>;

export type AgentHandle = {
  kind: "agent";
  nodeId: string;
  /** The display name, free text. */
  name: string;
  /** What delegating agents call it: `name` mapped to ^[A-Za-z0-9_-]{1,64}$ (see lib/flow/tool-name.ts). */
  toolName: string;
  role: AgentRole;
  instructions: string;
  capabilities: string[];
  maxSteps: number;
  /** Absent: the run's default provider (local-first). */
  model?: ModelHandle;
  tools: Array<ToolHandle | AgentHandle>;
};

export type Handle = ModelHandle | ToolHandle | AgentHandle;

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

// The contract between a node kind's `run` and the engine. Everything Node-only (network, providers, the
// orchestration patterns) reaches a kind through these services, so kind files stay importable in a browser.
// The handles that travel along edges are defined here too: a tool handle's invoke receives the run's
// services, and the services take agent and model handles, so the two belong to one module
// (lib/flow/handles.ts re-exports them with the functions that work on handles).
import type { ChatHistory } from "./chat-history";
import type { FinishReason, LLMProvider, TokenUsage, ToolDefinition } from "@/lib/llm/types";
import type { RunIntegrations } from "@/lib/tools/integrations";
import type { HttpRequest, HttpResult } from "@/lib/tools/http-request";
import type { McpServerRef, McpSession, McpToolInfo } from "@/lib/tools/mcp/mcp-types";

/** The guide's enums as values: each name in upper case maps to itself (`{ WORKER: "worker" }`). */
type EnumOf<Value extends string> = { readonly [Name in Value as Uppercase<Name>]: Name };
function enumOf<const Values extends readonly string[]>(values: Values): EnumOf<Values[number]> {
  return Object.fromEntries(values.map((value) => [value.toUpperCase(), value])) as EnumOf<Values[number]>;
}

export const orchestrationPatterns = ["SEQUENTIAL", "PARALLEL", "HIERARCHICAL", "SUPERVISOR"] as const;
export type OrchestrationPattern = (typeof orchestrationPatterns)[number];
/** The OsMEN guide's enum, usable as a value: `OrchestrationPattern.HIERARCHICAL === "HIERARCHICAL"`. */
export const OrchestrationPattern = enumOf(orchestrationPatterns);

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

/**
 * One tool an agent may call. A `tool` output carries one handle, or a list of them when a node offers
 * several tools (an MCP server's); the agent flattens what its `tools` input receives.
 */
export type ToolHandle = {
  kind: "tool";
  nodeId: string;
  definition: ToolDefinition;
  invoke(args: Record<string, unknown>, context: ToolInvokeContext): Promise<unknown>;
};

export const agentRoles = ["coordinator", "specialist", "supervisor", "worker"] as const;
export type AgentRole = (typeof agentRoles)[number];
/** The OsMEN guide's enum, usable as a value: `AgentRole.COORDINATOR === "coordinator"`. */
export const AgentRole = enumOf(agentRoles);

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

/** The HTTP tool's request and result, defined beside its client in lib/tools. */
export type { HttpRequest, HttpResult };
/** An MCP server, its tools and an open session, defined beside the MCP client in lib/tools/mcp. */
export type { McpServerRef, McpSession, McpToolInfo };

export type AgentOutcome = {
  text: string;
  steps: number;
  usage: TokenUsage;
  stoppedBy: "answer" | "max_steps" | "terminal_tool";
  /** The last model call's finish reason ("length": cut off at the token limit). */
  finishReason?: FinishReason;
  /** Reasoning text from every step, when the model sent any. */
  reasoning?: string;
  /** Set when a terminal tool (a supervisor's approve / request_changes) ended the loop. */
  terminal?: { name: string; args: Record<string, unknown> };
};

export type TeamRequest = {
  nodeId: string;
  pattern: OrchestrationPattern;
  maxRounds: number;
  agents: AgentHandle[];
  input: string;
};

export type CallOrigin = {
  signal: AbortSignal;
  parentNodeId?: string;
  callId?: string;
  /** Earlier messages of the conversation, sent between the agent's system prompt and its task. */
  history?: ChatHistory;
};

export type RunServices = {
  resolveProvider(model: ModelHandle | undefined, options: { signal: AbortSignal; nodeId: string }): Promise<LLMProvider>;
  httpRequest(request: HttpRequest, options: { signal: AbortSignal }): Promise<HttpResult>;
  /**
   * Connects to an MCP server (address-guarded, with the named credential's header) and lists its tools. The
   * run closes the session when it ends. Errors: EngineError `credential_*`, McpToolError `connect_failed`.
   */
  connectMcp(server: McpServerRef, options: { signal: AbortSignal; nodeId: string }): Promise<McpSession>;
  runAgent(agent: AgentHandle, task: string, origin: CallOrigin): Promise<AgentOutcome>;
  runTeam(team: TeamRequest, origin: CallOrigin): Promise<string>;
  now(): Date;
  /** The run user's connected accounts, by integration id; an absent entry is one not connected. */
  integrations: RunIntegrations;
};

/** What a node reports while it runs; the engine stamps runId, seq, time and node id. */
export type NodeActivity =
  | { type: "node.delta"; text: string }
  | { type: "node.reasoning"; text: string }
  | { type: "node.tool_call"; callId: string; name: string; args: Record<string, unknown> }
  | { type: "node.tool_result"; callId: string; name: string; result: string; isError: boolean };

export type NodeRunContext = {
  runId: string;
  nodeId: string;
  signal: AbortSignal;
  /** The run's input as given to `execute`. */
  runInput: unknown;
  /** The conversation before this run's input (a chat session's earlier messages), oldest first; empty outside a chat. */
  history: ChatHistory;
  /** Whether an edge consumes this output port; lets a tool node skip running when only its tool face is used. */
  wants(port: string): boolean;
  emit(activity: NodeActivity): void;
  addUsage(usage: TokenUsage): void;
  /** Reports the model answer behind this node's output: its finish reason, warnings and reasoning reach the run. */
  reportAnswer?(answer: ModelAnswer): void;
  services: RunServices;
};

/** How a model's answer ended, reported by the node that asked for it so the run can warn about it. */
export type ModelAnswer = {
  text: string;
  finishReason: FinishReason;
  reasoning?: string;
  /** An agent that stopped because it ran out of steps. */
  isOutOfSteps?: boolean;
};

/** A node's inputs by port name: one value, or an array for `multiple` ports. */
export type NodeInputs = Record<string, unknown>;
export type NodeOutputs = Record<string, unknown>;

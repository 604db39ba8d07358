// The contract between a node kind's `run` and the engine. Everything Node-only (network, providers, the
// orchestration patterns) reaches a kind through these services, so kind files stay importable in a browser.
import type { FinishReason, LLMProvider, TokenUsage } from "@/lib/llm/types";
import type { RunIntegrations } from "@/lib/tools/integrations";
import type { AgentHandle, ModelHandle } from "./handles";

export const orchestrationPatterns = ["SEQUENTIAL", "PARALLEL", "HIERARCHICAL", "SUPERVISOR"] as const;
export type OrchestrationPattern = (typeof orchestrationPatterns)[number];
/** The OsMEN guide's enum, usable as a value: `OrchestrationPattern.HIERARCHICAL === "HIERARCHICAL"`. */
export const OrchestrationPattern = {
  SEQUENTIAL: "SEQUENTIAL",
  PARALLEL: "PARALLEL",
  HIERARCHICAL: "HIERARCHICAL",
  SUPERVISOR: "SUPERVISOR",
} as const satisfies Record<OrchestrationPattern, OrchestrationPattern>;

export type HttpRequest = {
  method: "GET" | "POST";
  url: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
  maxBytes?: number;
};

export type HttpResult = {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The URL that answered, after redirects. */
  url: string;
  truncated: boolean;
  redirects: number;
};

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

export type CallOrigin = { signal: AbortSignal; parentNodeId?: string; callId?: string };

export type RunServices = {
  resolveProvider(model: ModelHandle | undefined, options: { signal: AbortSignal; nodeId: string }): Promise<LLMProvider>;
  httpRequest(request: HttpRequest, options: { signal: AbortSignal }): Promise<HttpResult>;
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

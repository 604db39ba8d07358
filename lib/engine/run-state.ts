// Folds a run's events into what the canvas paints and `run.get` reports: each node's status, streamed
// text, tool calls, outputs, timing and usage. Pure and browser-safe: the server and the canvas share it.
import type { FailureKind, NodeUseKind, NodeWarning, RunEvent, RunWarning } from "./events";
import type { ModelCallRecord } from "./model-call";
import { ownValue } from "../plain-data.ts";

export type NodeRunStatus = "queued" | "running" | "succeeded" | "failed" | "skipped" | "cancelled";
export type RunLifecycle = "queued" | "running" | "succeeded" | "failed" | "cancelled" | "interrupted";

export type ToolCallState = { callId: string; name: string; args: Record<string, unknown>; result?: string; isError?: boolean };

export type NodeRunState = {
  status: NodeRunStatus;
  kind?: string;
  text: string;
  toolCalls: ToolCallState[];
  outputs?: Record<string, unknown>;
  error?: { code: string; message: string; errorKind?: FailureKind; hint?: string };
  durationMs?: number;
  usage?: { inputTokens: number; outputTokens: number };
  /** Reasoning text, streamed apart from `text` (shown collapsed). */
  reasoning?: string;
  finishReason?: "stop" | "length" | "tool_calls";
  warnings?: NodeWarning[];
  /** Each model call the node made, in the order they ended: messages sent, answer, tokens, latency. */
  modelCalls?: ModelCallRecord[];
  /** A node used as another's model or tool: how, how many times (model or tool calls), and by which nodes. */
  uses?: NodeUses;
};

export type NodeUses = { as: NodeUseKind; count: number; by: string[] };

export type RunState = {
  status: RunLifecycle;
  lastSeq: number;
  nodes: Record<string, NodeRunState>;
  output?: unknown;
  error?: { code: string; message: string; nodeId?: string; errorKind?: FailureKind; hint?: string };
  usage: { inputTokens: number; outputTokens: number };
  durationMs?: number;
  warnings?: RunWarning[];
};

export const initialRunState = (): RunState => ({ status: "queued", lastSeq: 0, nodes: {}, usage: { inputTokens: 0, outputTokens: 0 } });

const emptyNode = (status: NodeRunStatus): NodeRunState => ({ status, text: "", toolCalls: [] });

function updateNode(state: RunState, nodeId: string, change: (node: NodeRunState) => NodeRunState): RunState {
  const current = ownValue(state.nodes, nodeId) ?? emptyNode("queued");
  return { ...state, nodes: { ...state.nodes, [nodeId]: change(current) } };
}

type RunOutcome = "succeeded" | "failed" | "cancelled";

const isUnfinished = (node: NodeRunState) => node.status === "running" || node.status === "queued";

/**
 * What a node that saw no end of its own becomes when the run ends. A node used as a model or tool ran as
 * long as its users did: it is cancelled only if one of them was, else it succeeded. Any other node was
 * pending (or, after an interruption, running): cancelled only if the run was cancelled, else it did not run.
 */
function settledNode(node: NodeRunState, outcome: RunOutcome, nodes: Record<string, NodeRunState>): NodeRunState {
  if (node.uses) {
    const isUserCancelled = node.uses.by.some((id) => ownValue(nodes, id)?.status === "cancelled");
    return { ...node, status: outcome === "cancelled" && isUserCancelled ? "cancelled" : "succeeded" };
  }
  if (outcome === "cancelled") return { ...node, status: "cancelled" };
  if (node.status === "running") return { ...node, status: outcome };
  const message = outcome === "succeeded" ? "Not used in this run." : "Did not run: the run ended first.";
  return { ...node, status: "skipped", error: { code: "not_run", message } };
}

function settleUnfinished(state: RunState, outcome: RunOutcome): RunState {
  const nodes = Object.fromEntries(
    Object.entries(state.nodes).map(([id, node]) => [id, isUnfinished(node) ? settledNode(node, outcome, state.nodes) : node]),
  );
  return { ...state, nodes };
}

function recordUse(node: NodeRunState, event: Extract<RunEvent, { type: "node.used" }>): NodeRunState {
  const uses = node.uses ?? { as: event.as, count: 0, by: [] };
  const by = uses.by.includes(event.usedBy) ? uses.by : [...uses.by, event.usedBy];
  return { ...node, status: isUnfinished(node) ? "running" : node.status, uses: { as: event.as, count: uses.count + 1, by } };
}

const failureOf = (event: { code: string; message: string; errorKind?: FailureKind; hint?: string }) => ({
  code: event.code,
  message: event.message,
  ...(event.errorKind ? { errorKind: event.errorKind } : {}),
  ...(event.hint ? { hint: event.hint } : {}),
});

function applyNodeEvent(state: RunState, event: RunEvent): RunState {
  switch (event.type) {
    case "node.started":
      return updateNode(state, event.nodeId, (node) => ({ ...node, status: "running", kind: event.kind }));
    case "node.delta":
      return updateNode(state, event.nodeId, (node) => ({ ...node, text: node.text + event.text }));
    case "node.reasoning":
      return updateNode(state, event.nodeId, (node) => ({ ...node, reasoning: (node.reasoning ?? "") + event.text }));
    case "node.tool_call":
      return updateNode(state, event.nodeId, (node) => ({
        ...node,
        toolCalls: [...node.toolCalls, { callId: event.callId, name: event.name, args: event.args }],
      }));
    case "node.tool_result":
      return updateNode(state, event.nodeId, (node) => ({
        ...node,
        toolCalls: node.toolCalls.map((call) => (call.callId === event.callId ? { ...call, result: event.result, isError: event.isError } : call)),
      }));
    case "node.completed":
      return updateNode(state, event.nodeId, (node) => ({
        ...node,
        status: "succeeded",
        outputs: event.outputs,
        durationMs: event.durationMs,
        usage: event.usage,
        ...(event.finishReason ? { finishReason: event.finishReason } : {}),
        ...(event.warnings?.length ? { warnings: event.warnings } : {}),
        // The completed event carries the whole reasoning: it replaces what streamed, so a replay shows it once.
        ...(event.reasoning ? { reasoning: event.reasoning } : {}),
      }));
    case "node.failed": {
      // A node stopped by Stop did not fail: it was cancelled, on every surface alike.
      const status = event.code === "cancelled" ? "cancelled" : "failed";
      return updateNode(state, event.nodeId, (node) => ({ ...node, status, error: failureOf(event), durationMs: event.durationMs }));
    }
    case "node.used":
      return updateNode(state, event.nodeId, (node) => recordUse(node, event));
    case "node.skipped":
      return updateNode(state, event.nodeId, (node) => ({ ...node, status: "skipped", error: { code: "skipped", message: event.reason } }));
    case "node.model_call": {
      const { runId: _runId, seq: _seq, at: _at, type: _type, nodeId: _nodeId, ...call } = event;
      return updateNode(state, event.nodeId, (node) => ({ ...node, modelCalls: [...(node.modelCalls ?? []), call] }));
    }
    default:
      return state;
  }
}

export function applyRunEvent(state: RunState, event: RunEvent): RunState {
  // Replays and reconnects may repeat an event; applying one twice would double streamed text.
  if (event.seq <= state.lastSeq) return state;
  const next = { ...state, lastSeq: event.seq };
  switch (event.type) {
    case "run.started":
      return { ...next, status: "running", nodes: Object.fromEntries(event.nodeIds.map((id) => [id, emptyNode("queued")])) };
    case "run.completed":
      return { ...settleUnfinished(next, "succeeded"), status: "succeeded", output: event.output, usage: event.usage, durationMs: event.durationMs, ...(event.warnings?.length ? { warnings: event.warnings } : {}) };
    case "run.failed": {
      const status = event.code === "interrupted" ? "interrupted" : "failed";
      const error = { ...failureOf(event), ...(event.nodeId ? { nodeId: event.nodeId } : {}) };
      const warnings = event.warnings?.length ? { warnings: event.warnings } : {};
      return { ...settleUnfinished(next, "failed"), status, error, durationMs: event.durationMs, ...warnings };
    }
    case "run.cancelled":
      return { ...settleUnfinished(next, "cancelled"), status: "cancelled", error: { code: "cancelled", message: event.reason }, durationMs: event.durationMs };
    default:
      return applyNodeEvent(next, event);
  }
}

export const foldRunEvents = (events: Iterable<RunEvent>, state: RunState = initialRunState()): RunState => {
  let folded = state;
  for (const event of events) folded = applyRunEvent(folded, event);
  return folded;
};

export const isTerminalStatus = (status: RunLifecycle) => status !== "queued" && status !== "running";

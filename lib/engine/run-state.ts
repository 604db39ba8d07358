// Folds a run's events into what the canvas paints and `run.get` reports: each node's status, streamed
// text, tool calls, outputs, timing and usage. Pure and browser-safe: the server and the canvas share it.
import type { FailureKind, NodeWarning, RunEvent, RunWarning } from "./events";
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
};

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

function settleUnfinished(state: RunState, status: NodeRunStatus): RunState {
  const nodes = Object.fromEntries(
    Object.entries(state.nodes).map(([id, node]) => [id, node.status === "running" || node.status === "queued" ? { ...node, status } : node]),
  );
  return { ...state, nodes };
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
    case "node.failed":
      return updateNode(state, event.nodeId, (node) => ({ ...node, status: "failed", error: failureOf(event), durationMs: event.durationMs }));
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
      return { ...settleUnfinished(next, "cancelled"), status: "succeeded", output: event.output, usage: event.usage, durationMs: event.durationMs, ...(event.warnings?.length ? { warnings: event.warnings } : {}) };
    case "run.failed": {
      const status = event.code === "interrupted" ? "interrupted" : "failed";
      const error = { ...failureOf(event), ...(event.nodeId ? { nodeId: event.nodeId } : {}) };
      const warnings = event.warnings?.length ? { warnings: event.warnings } : {};
      return { ...settleUnfinished(next, "cancelled"), status, error, durationMs: event.durationMs, ...warnings };
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

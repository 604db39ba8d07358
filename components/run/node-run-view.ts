// A node's run state as every part of the browser shows it (node face, run panel): one shape, derived in
// one place from the engine's folded state (lib/engine/run-state.ts), with errors and warnings as words.
import type { ModelCallRecord } from "@/lib/engine/model-call";
import type { NodeRunState, NodeRunStatus, ToolCallState } from "@/lib/engine/run-state";
import { describeError, describeUses } from "./run-format";

/**
 * What a node shows of a run. `status` is the shown status (a node stopped by Stop reads `cancelled`);
 * `text` is the streamed answer so far; `outputs` the node's final outputs once it succeeded;
 * `durationMs` is milliseconds; `usage` counts tokens.
 */
export type NodeRunView = {
  status: NodeRunStatus;
  text: string;
  outputs?: Record<string, unknown>;
  error?: string;
  toolCalls: ToolCallState[];
  durationMs?: number;
  usage?: NodeRunState["usage"];
  /** An empty or cut-off answer, as sentences. */
  warnings?: string[];
  /** A reasoning model's thinking, shown collapsed. */
  reasoning?: string;
  /** Each model call the node made: the messages sent and the answer (see lib/engine/model-call.ts). */
  modelCalls?: ModelCallRecord[];
  /** For a node used as another's model or tool: how often ("Used 3 times as a model by Writer"). */
  uses?: string;
};

/** The view of one node's engine state; pure, so callers may cache it per engine object. */
export function toNodeRunView(node: NodeRunState): NodeRunView {
  return {
    status: node.status,
    ...(node.uses ? { uses: describeUses(node.uses) } : {}),
    text: node.text,
    ...(node.outputs ? { outputs: node.outputs } : {}),
    error: node.error ? describeError(node.error) : undefined,
    toolCalls: node.toolCalls,
    durationMs: node.durationMs,
    usage: node.usage,
    ...(node.warnings?.length ? { warnings: node.warnings.map((warning) => warning.message) } : {}),
    ...(node.reasoning ? { reasoning: node.reasoning } : {}),
    ...(node.modelCalls?.length ? { modelCalls: node.modelCalls } : {}),
  };
}

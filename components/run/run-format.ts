// Words and numbers for the run panel: statuses, durations, token usage, errors and timeline lines.
import type { RunEvent } from "@/lib/engine/events";
import type { NodeRunStatus, NodeUses, RunLifecycle } from "@/lib/engine/run-state";

const statusWords: Record<RunLifecycle | NodeRunStatus, string> = {
  queued: "Queued",
  running: "Running",
  succeeded: "Succeeded",
  failed: "Failed",
  cancelled: "Cancelled",
  interrupted: "Interrupted",
  skipped: "Skipped",
};

export const statusLabel = (status: RunLifecycle | NodeRunStatus) => statusWords[status];

const sourceWords: Record<string, string> = { api: "the HTTP API", openai: "the OpenAI-compatible endpoint", mcp: "MCP", playground: "the playground" };

/** Where a run was started from, for the history ("via MCP"); null for the canvas, the usual place. */
export const sourceLabel = (source: string): string | null => (source === "canvas" ? null : (sourceWords[source] ?? source));

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return "";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

export function formatUsage(usage: { inputTokens: number; outputTokens: number } | undefined): string {
  if (!usage || usage.inputTokens + usage.outputTokens === 0) return "";
  return `${usage.inputTokens.toLocaleString("en")} in · ${usage.outputTokens.toLocaleString("en")} out tokens`;
}

// Codes are for programs; a person needs to know what happened and what to try. Provider failures are not
// here: the engine sends each with its own hint (lib/engine/errors.ts), which describeError prefers.
const errorHints: Record<string, string> = {
  credential_unavailable: "A credential this flow needs is missing. Add it in Settings.",
  node_timeout: "A step took too long and was stopped.",
  run_timeout: "The run took longer than its time limit and was stopped.",
  cancelled: "The run was stopped.",
  interrupted: "The server restarted while this run was going; it did not finish.",
  unknown_kind: "The flow uses a kind of node this server does not know.",
};

/** The hint the engine sent with the failure (a provider failure's kind), else the one for its code. */
export function describeError(error: { code: string; message: string; hint?: string } | undefined): string {
  if (!error) return "";
  const hint = error.hint ?? errorHints[error.code];
  if (!hint) return error.message;
  return error.message && error.message !== hint ? `${hint} (${error.message})` : hint;
}

/** "Used 3 times as a model" / "Used once as a tool": how often a model or tool node served others. */
export function describeUses(uses: NodeUses): string {
  const times = uses.count === 1 ? "once" : `${uses.count.toLocaleString("en")} times`;
  return `Used ${times} as a ${uses.as}`;
}

const clip = (text: string, length = 80) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** Names a node in a sentence: its label (see lib/flow/node-label.ts); the default echoes the id. */
export type NodeLabeler = (nodeId: string) => string;

const byId: NodeLabeler = (nodeId) => nodeId;

/** One line for the timeline, naming nodes through `labelOf`. */
export function describeEvent(event: RunEvent, labelOf: NodeLabeler = byId): string {
  switch (event.type) {
    case "run.started":
      return `Run started (${event.nodeIds.length} nodes)`;
    case "node.started":
      return `${labelOf(event.nodeId)} started`;
    case "node.delta":
      return `${labelOf(event.nodeId)}: ${clip(event.text)}`;
    case "node.reasoning":
      return `${labelOf(event.nodeId)} (reasoning): ${clip(event.text)}`;
    case "node.tool_call":
      return `${labelOf(event.nodeId)} called ${event.name}`;
    case "node.tool_result":
      return `${event.name} ${event.isError ? "failed" : "answered"}: ${clip(event.result)}`;
    case "node.used":
      return `${labelOf(event.usedBy)} used ${labelOf(event.nodeId)} as a ${event.as}`;
    case "node.completed":
      return `${labelOf(event.nodeId)} succeeded in ${formatDuration(event.durationMs)}${event.warnings?.length ? ` with warnings: ${event.warnings.map((warning) => warning.message).join(" ")}` : ""}`;
    case "node.failed":
      return `${labelOf(event.nodeId)} ${event.code === "cancelled" ? "cancelled" : "failed"}: ${describeError(event)}`;
    case "node.skipped":
      return `${labelOf(event.nodeId)} skipped: ${event.reason}`;
    case "node.model_call":
      return `${labelOf(event.nodeId)} model call ${event.callIndex} to ${event.model}: ${event.error ? `failed: ${clip(event.error)}` : (event.finishReason ?? "answered")}`;
    case "run.completed":
      return `Run succeeded in ${formatDuration(event.durationMs)}`;
    case "run.failed":
      return `Run failed: ${describeError(event)}`;
    case "run.cancelled":
      return `Run cancelled: ${event.reason}`;
  }
}

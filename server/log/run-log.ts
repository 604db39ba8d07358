// Log lines for runs and model calls: ids, kinds, statuses, times and token counts. Inputs, prompts,
// outputs, tool arguments and error messages (which can quote a prompt or a server's answer) stay out.
import type { RunObserver } from "@/server/runs/run-service";
import type { ProviderCallListener } from "@/server/metrics/provider-calls";
import type { Logger } from "./logger.ts";

/** Lines when a run starts executing, when a node fails, and when the run's row is final (with its duration in ms). */
export function runLogObserver(logger: Logger): RunObserver {
  const durations = new Map<string, number>();
  return {
    onEvent({ runId, flowId, userId, source }, event) {
      if (event.type === "run.started") logger.info({ runId, flowId, userId, source, nodes: event.nodeIds.length }, "run started");
      else if (event.type === "node.failed") {
        logger.warn({ runId, flowId, nodeId: event.nodeId, kind: event.kind, code: event.code, errorKind: event.errorKind, durationMs: event.durationMs }, "node failed");
      } else if (event.type === "run.completed" || event.type === "run.failed" || event.type === "run.cancelled") durations.set(runId, event.durationMs);
    },
    onRunEnd({ runId, flowId, userId, source }, status) {
      const durationMs = durations.get(runId);
      durations.delete(runId);
      logger[status === "failed" ? "warn" : "info"]({ runId, flowId, userId, source, status, durationMs }, "run finished");
    },
  };
}

/** One line per model call: provider, run (when known), node, outcome, latency (ms) and tokens. */
export function providerLogListener(logger: Logger): ProviderCallListener {
  return ({ provider, runId, nodeId, outcome, totalMs, firstTokenMs, usage }) => {
    const fields = { provider, runId, nodeId, outcome, totalMs: Math.round(totalMs), firstTokenMs: firstTokenMs === undefined ? undefined : Math.round(firstTokenMs), inputTokens: usage?.inputTokens, outputTokens: usage?.outputTokens };
    logger[outcome === "ok" ? "info" : "warn"](fields, "provider call");
  };
}

import { describe, expect, it } from "vitest";
import type { RunEvent } from "./events";
import { foldRunEvents, initialRunState, applyRunEvent } from "./run-state";

const at = "2026-01-01T00:00:00.000Z";
const events: RunEvent[] = [
  { runId: "r", seq: 1, at, type: "run.started", input: "hi", nodeIds: ["a", "b", "c"] },
  { runId: "r", seq: 2, at, type: "node.started", nodeId: "a", kind: "llm" },
  { runId: "r", seq: 3, at, type: "node.delta", nodeId: "a", text: "Hel" },
  { runId: "r", seq: 4, at, type: "node.delta", nodeId: "a", text: "lo" },
  { runId: "r", seq: 5, at, type: "node.tool_call", nodeId: "a", callId: "c1", name: "calc", args: { expression: "1+1" } },
  { runId: "r", seq: 6, at, type: "node.tool_result", nodeId: "a", callId: "c1", name: "calc", result: "2", isError: false },
  { runId: "r", seq: 7, at, type: "node.completed", nodeId: "a", kind: "llm", outputs: { text: "Hello" }, usage: { inputTokens: 2, outputTokens: 1 }, durationMs: 12 },
  { runId: "r", seq: 8, at, type: "node.failed", nodeId: "b", kind: "llm", code: "node_error", message: "boom", durationMs: 3 },
  { runId: "r", seq: 9, at, type: "node.skipped", nodeId: "c", kind: "output", blockedBy: "b", reason: "b failed" },
  { runId: "r", seq: 10, at, type: "run.failed", code: "node_error", message: 'Node "b" failed: boom', nodeId: "b", durationMs: 20 },
];

describe("run state", () => {
  it("folds events into each node's status, text, tool calls and outputs", () => {
    const state = foldRunEvents(events);
    expect(state.status).toBe("failed");
    expect(state.lastSeq).toBe(10);
    expect(state.nodes.a).toMatchObject({ status: "succeeded", text: "Hello", outputs: { text: "Hello" }, durationMs: 12 });
    expect(state.nodes.a?.toolCalls).toEqual([{ callId: "c1", name: "calc", args: { expression: "1+1" }, result: "2", isError: false }]);
    expect(state.nodes.b).toMatchObject({ status: "failed", error: { message: "boom" } });
    expect(state.nodes.c).toMatchObject({ status: "skipped" });
    expect(state.error).toMatchObject({ nodeId: "b" });
  });

  it("ignores an event it has already applied, so a replay never doubles text", () => {
    const once = foldRunEvents(events.slice(0, 4));
    const twice = foldRunEvents(events.slice(0, 4), once);
    expect(twice.nodes.a?.text).toBe("Hello");
  });

  it("marks nodes still running as cancelled when the run is cancelled, and an interrupted run as such", () => {
    const running = foldRunEvents(events.slice(0, 3));
    const cancelled = applyRunEvent(running, { runId: "r", seq: 4, at, type: "run.cancelled", reason: "stop", durationMs: 5 });
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.nodes.a?.status).toBe("cancelled");
    const interrupted = applyRunEvent(initialRunState(), { runId: "r", seq: 1, at, type: "run.failed", code: "interrupted", message: "server stopped", durationMs: 0 });
    expect(interrupted.status).toBe("interrupted");
  });
});

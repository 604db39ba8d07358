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

  it("reads a node stopped by Stop as cancelled, not failed", () => {
    const running = foldRunEvents(events.slice(0, 3));
    const stopped = foldRunEvents(
      [
        { runId: "r", seq: 4, at, type: "node.failed", nodeId: "a", kind: "llm", code: "cancelled", message: "The run was cancelled.", durationMs: 4 },
        { runId: "r", seq: 5, at, type: "run.cancelled", reason: "The run was cancelled.", durationMs: 5 },
      ],
      running,
    );
    expect(stopped.nodes.a).toMatchObject({ status: "cancelled", error: { code: "cancelled" } });
    expect(stopped.nodes.b?.status).toBe("cancelled");
  });
});

describe("run state: nodes used as a model or tool", () => {
  const start: RunEvent[] = [
    { runId: "r", seq: 1, at, type: "run.started", input: "hi", nodeIds: ["model", "calc", "clock", "writer", "checker"] },
    { runId: "r", seq: 2, at, type: "node.started", nodeId: "writer", kind: "agent" },
    { runId: "r", seq: 3, at, type: "node.used", nodeId: "model", usedBy: "writer", as: "model" },
    { runId: "r", seq: 4, at, type: "node.used", nodeId: "calc", usedBy: "writer", as: "tool" },
    { runId: "r", seq: 5, at, type: "node.used", nodeId: "model", usedBy: "writer", as: "model" },
  ];
  const writerDone: RunEvent = { runId: "r", seq: 6, at, type: "node.completed", nodeId: "writer", kind: "agent", outputs: { text: "4" }, usage: { inputTokens: 1, outputTokens: 1 }, durationMs: 9 };

  it("counts uses and shows a used node running while the run goes", () => {
    const state = foldRunEvents(start);
    expect(state.nodes.model).toMatchObject({ status: "running", uses: { as: "model", count: 2, by: ["writer"] } });
    expect(state.nodes.calc).toMatchObject({ status: "running", uses: { as: "tool", count: 1, by: ["writer"] } });
    expect(state.nodes.clock?.status).toBe("queued");
  });

  it("after a successful run: used nodes succeeded, unused ones did not run, none cancelled", () => {
    const done = foldRunEvents([...start, writerDone, { ...writerDone, seq: 7, nodeId: "checker" }, { runId: "r", seq: 8, at, type: "run.completed", output: "4", outputs: {}, usage: { inputTokens: 2, outputTokens: 2 }, durationMs: 10 }]);
    expect(done.nodes.model?.status).toBe("succeeded");
    expect(done.nodes.calc?.status).toBe("succeeded");
    expect(done.nodes.clock).toMatchObject({ status: "skipped", error: { code: "not_run", message: "Not used in this run." } });
  });

  it("after Stop: a node used by a node that was stopped is cancelled; one whose users had finished succeeded", () => {
    const usedByChecker: RunEvent[] = [
      writerDone,
      { runId: "r", seq: 7, at, type: "node.started", nodeId: "checker", kind: "agent" },
      { runId: "r", seq: 8, at, type: "node.used", nodeId: "model", usedBy: "checker", as: "model" },
      { runId: "r", seq: 9, at, type: "node.failed", nodeId: "checker", kind: "agent", code: "cancelled", message: "The run was cancelled.", durationMs: 1 },
      { runId: "r", seq: 10, at, type: "run.cancelled", reason: "The run was cancelled.", durationMs: 11 },
    ];
    const stopped = foldRunEvents([...start, ...usedByChecker]);
    expect(stopped.nodes.model).toMatchObject({ status: "cancelled", uses: { count: 3, by: ["writer", "checker"] } });
    expect(stopped.nodes.calc?.status).toBe("succeeded");
    expect(stopped.nodes.clock?.status).toBe("cancelled");
    expect(stopped.nodes.writer?.status).toBe("succeeded");
  });

  it("after a failed run: a node that never started did not run; it was not cancelled", () => {
    const failed = foldRunEvents([...start, { runId: "r", seq: 6, at, type: "run.failed", code: "run_timeout", message: "too slow", durationMs: 10 }]);
    expect(failed.nodes.clock).toMatchObject({ status: "skipped", error: { code: "not_run", message: "Did not run: the run ended first." } });
    expect(failed.nodes.model?.status).toBe("succeeded");
  });
});

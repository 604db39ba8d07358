import { describe, expect, it, vi } from "vitest";
import { describeFailure, EngineError } from "@/lib/engine/errors";
import { LLMError } from "@/lib/llm/errors";
import { createRunStore } from "./run-store";
import { eventsOf, streamingRun } from "./test-events";

describe("createRunStore", () => {
  it("folds events into node views and the run's state", () => {
    const store = createRunStore();
    store.reset("run-1");
    streamingRun().forEach(store.apply);
    expect(store.get("llm")).toMatchObject({ status: "running", text: "Hello", toolCalls: [] });
    expect(store.get("input")).toMatchObject({ status: "succeeded", durationMs: 1, outputs: { text: "hi" } });
    expect(store.getSnapshot().state.status).toBe("running");
    expect(store.getSnapshot().events).toHaveLength(6);
  });

  it("never doubles text when events are replayed after a reconnect", () => {
    const store = createRunStore();
    store.reset("run-1");
    const events = streamingRun();
    events.forEach(store.apply);
    events.slice(2).forEach(store.apply);
    expect(store.get("llm")?.text).toBe("Hello");
    expect(store.getSnapshot().events).toHaveLength(6);
  });

  it("ignores events of a run it does not follow", () => {
    const store = createRunStore();
    store.reset("run-2");
    streamingRun("run-1").forEach(store.apply);
    expect(store.get("llm")).toBeUndefined();
  });

  it("keeps a node's view object while only other nodes change", () => {
    const store = createRunStore();
    store.reset("run-1");
    streamingRun().forEach(store.apply);
    const input = store.get("input");
    store.apply(eventsOf("run-1", [{ type: "node.delta", nodeId: "llm", text: "!" }], 7)[0]!);
    expect(store.get("input")).toBe(input);
    expect(store.get("llm")?.text).toBe("Hello!");
  });

  it("shows errors in words and notifies listeners", () => {
    const store = createRunStore();
    const listener = vi.fn();
    store.subscribe(listener);
    store.reset("run-1");
    eventsOf("run-1", [
      { type: "run.started", input: "", nodeIds: ["llm"] },
      { type: "node.failed", nodeId: "llm", kind: "llm", ...describeFailure(new EngineError("node_timeout", "Node \"llm\" did not finish within 5 ms.")), durationMs: 3 },
    ]).forEach(store.apply);
    expect(store.get("llm")).toMatchObject({ status: "failed", error: 'A step took too long and was stopped. (Node "llm" did not finish within 5 ms.)' });
    expect(listener).toHaveBeenCalledTimes(3);
  });

  it("forgets everything when it follows another run, not when told the same run again", () => {
    const store = createRunStore();
    store.reset("run-1");
    streamingRun().forEach(store.apply);
    store.reset("run-1");
    expect(store.get("llm")?.text).toBe("Hello");
    store.reset("run-2");
    expect(store.get("llm")).toBeUndefined();
    expect(store.getSnapshot()).toMatchObject({ runId: "run-2", events: [] });
  });

  it("shows a node stopped by Stop as cancelled, not failed", () => {
    const store = createRunStore();
    store.reset("run-1");
    [...streamingRun(), ...eventsOf("run-1", [
      { type: "node.failed", nodeId: "llm", kind: "llm", code: "cancelled", message: "The run was cancelled.", durationMs: 9 },
      { type: "run.cancelled", reason: "The run was cancelled.", durationMs: 10 },
    ], 7)].forEach(store.apply);
    expect(store.get("llm")).toMatchObject({ status: "cancelled", text: "Hello" });
    expect(store.getSnapshot().state.status).toBe("cancelled");
  });

  it("shows an empty, cut-off answer as warnings on the node and the run, with its reasoning kept apart", () => {
    const store = createRunStore();
    store.reset("run-1");
    const warnings = [
      { code: "empty_answer" as const, message: "The model only reasoned and gave no answer." },
      { code: "cut_off" as const, message: "The answer was cut off at the token limit." },
    ];
    eventsOf("run-1", [
      { type: "run.started", input: "", nodeIds: ["llm"] },
      { type: "node.started", nodeId: "llm", kind: "llm" },
      { type: "node.reasoning", nodeId: "llm", text: "Thinking" },
      { type: "node.completed", nodeId: "llm", kind: "llm", outputs: { text: "" }, usage: { inputTokens: 1, outputTokens: 9 }, durationMs: 5, finishReason: "length", warnings, reasoning: "Thinking" },
      { type: "run.completed", output: "", outputs: {}, usage: { inputTokens: 1, outputTokens: 9 }, durationMs: 6, warnings: warnings.map((warning) => ({ nodeId: "llm", ...warning })) },
    ]).forEach(store.apply);
    expect(store.get("llm")).toMatchObject({ status: "succeeded", text: "", reasoning: "Thinking", warnings: warnings.map((warning) => warning.message) });
    expect(store.getSnapshot().state.warnings).toHaveLength(2);
  });

  it("shows the hint a provider failure carries", () => {
    const store = createRunStore();
    store.reset("run-1");
    // The failure exactly as the engine reports an unreachable model server.
    const failure = describeFailure(new LLMError({ kind: "unavailable", provider: "ollama", message: "Ollama is not reachable" }));
    eventsOf("run-1", [
      { type: "run.started", input: "", nodeIds: ["llm"] },
      { type: "node.failed", nodeId: "llm", kind: "llm", ...failure, durationMs: 3 },
    ]).forEach(store.apply);
    expect(failure).toMatchObject({ code: "provider_unavailable", errorKind: "unavailable", hint: expect.stringContaining("could not be reached") });
    expect(store.get("llm")?.error).toBe(`${failure.hint} (Ollama is not reachable)`);
  });
});

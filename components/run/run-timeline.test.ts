import { describe, expect, it } from "vitest";
import { timelineEntries, timeOfDay } from "./run-timeline";
import { eventsOf, streamingRun } from "./test-events";

describe("timelineEntries", () => {
  it("folds a node's consecutive chunks into one line", () => {
    const entries = timelineEntries(streamingRun());
    expect(entries.map((entry) => entry.text)).toEqual([
      "Run started (2 nodes)",
      "input started",
      "input succeeded in 1 ms",
      "llm started",
      "llm streamed 2 chunks: Hello",
    ]);
    expect(entries.at(-1)).toMatchObject({ seq: 5, chunks: 2, nodeId: "llm" });
  });

  it("shows a single chunk as its text", () => {
    expect(timelineEntries(streamingRun().slice(0, 5)).at(-1)?.text).toBe("llm: Hel");
  });

  it("names nodes by their labels", () => {
    const labels: Record<string, string> = { llm: "Answer writer", input: "Question" };
    const entries = timelineEntries(streamingRun(), (nodeId) => labels[nodeId] ?? nodeId);
    expect(entries.map((entry) => entry.text)).toContain("Answer writer streamed 2 chunks: Hello");
    expect(entries.map((entry) => entry.text)).toContain("Question started");
  });

  it("keeps one line per delegated agent while their chunks interleave, until the agent reports something else", () => {
    const chunks = Array.from({ length: 26 }, (_unused, index) => ({ type: "node.delta" as const, nodeId: index % 2 ? "researcher" : "writer", text: "MOC" }));
    const events = eventsOf("run-1", [
      { type: "node.started", nodeId: "researcher", kind: "agent", parentNodeId: "lead", callId: "c1" },
      { type: "node.started", nodeId: "writer", kind: "agent", parentNodeId: "lead", callId: "c2" },
      ...chunks,
      { type: "node.completed", nodeId: "researcher", kind: "agent", outputs: { text: "done" }, usage: { inputTokens: 0, outputTokens: 0 }, durationMs: 5, parentNodeId: "lead", callId: "c1" },
      { type: "node.delta", nodeId: "researcher", text: "again" },
    ]);
    const texts = timelineEntries(events).map((entry) => entry.text);
    expect(texts).toEqual([
      "researcher started",
      "writer started",
      `writer streamed 13 chunks: ${"MOC".repeat(13)}`,
      `researcher streamed 13 chunks: ${"MOC".repeat(13)}`,
      "researcher succeeded in 5 ms",
      "researcher: again",
    ]);
  });

  it("summarises a tool's JSON answer and keeps the raw JSON apart, to fold away", () => {
    const result = JSON.stringify({ expression: "2 + 2", result: 4 }, null, 2);
    const events = eventsOf("run-1", [
      { type: "node.tool_call", nodeId: "agent", callId: "c1", name: "calculator", args: { expression: "2 + 2" } },
      { type: "node.tool_result", nodeId: "agent", callId: "c1", name: "calculator", result, isError: false },
      { type: "node.tool_result", nodeId: "agent", callId: "c2", name: "http", result: "plain words", isError: true },
    ]);
    const [, answered, failed] = timelineEntries(events);
    expect(answered).toMatchObject({ text: 'calculator answered: expression: "2 + 2", result: 4', raw: result });
    expect(failed?.text).toBe("http failed: plain words");
    expect(failed?.raw).toBeUndefined();
  });

  it("prints times of day", () => {
    expect(timeOfDay("2026-01-01T12:00:00.005Z")).toBe("12:00:00.005");
    expect(timeOfDay("nonsense")).toBe("");
  });
});

import { describe, expect, it } from "vitest";
import type { RunEvent, RunEventOf } from "./events";
import { runEventSchema } from "./events";
import { foldRunEvents } from "./run-state";

const at = "2026-01-01T00:00:00.000Z";
const modelCall = (seq: number, nodeId: string, callIndex: number, extra: Partial<RunEventOf<"node.model_call">> = {}): RunEvent => ({
  runId: "r",
  seq,
  at,
  type: "node.model_call",
  nodeId,
  callIndex,
  provider: "ollama",
  model: "llama3.2",
  messages: [
    { role: "system", content: "Be brief." },
    { role: "user", content: "hi" },
  ],
  tools: [],
  answer: { text: "Hello", toolCalls: [] },
  finishReason: "stop",
  usage: { inputTokens: 5, outputTokens: 1 },
  ttftMs: 40,
  durationMs: 90,
  ...extra,
});

describe("run state: model calls", () => {
  it("keeps each node's model calls in order, without the event's envelope", () => {
    const events: RunEvent[] = [
      { runId: "r", seq: 1, at, type: "run.started", input: "hi", nodeIds: ["a", "b"] },
      { runId: "r", seq: 2, at, type: "node.started", nodeId: "a", kind: "agent" },
      modelCall(3, "a", 1, { answer: { text: "", toolCalls: [{ id: "c1", name: "calc", arguments: { expression: "1+1" } }] }, finishReason: "tool_calls" }),
      modelCall(4, "b", 1),
      modelCall(5, "a", 2, { answer: undefined, finishReason: undefined, usage: undefined, error: "model exploded" }),
    ];
    for (const event of events) runEventSchema.parse(event);
    const state = foldRunEvents(events);
    expect(state.nodes.a?.modelCalls?.map((call) => [call.callIndex, call.finishReason, call.error])).toEqual([
      [1, "tool_calls", undefined],
      [2, undefined, "model exploded"],
    ]);
    expect(state.nodes.b?.modelCalls).toEqual([
      {
        callIndex: 1,
        provider: "ollama",
        model: "llama3.2",
        messages: [
          { role: "system", content: "Be brief." },
          { role: "user", content: "hi" },
        ],
        tools: [],
        answer: { text: "Hello", toolCalls: [] },
        finishReason: "stop",
        usage: { inputTokens: 5, outputTokens: 1 },
        ttftMs: 40,
        durationMs: 90,
      },
    ]);
    // A model call is a record of what happened, not progress: the node's status and text are untouched.
    expect(state.nodes.a).toMatchObject({ status: "running", text: "" });
  });

  it("records a replayed model call once", () => {
    const events: RunEvent[] = [{ runId: "r", seq: 1, at, type: "run.started", input: "hi", nodeIds: ["a"] }, modelCall(2, "a", 1)];
    const once = foldRunEvents(events);
    expect(foldRunEvents(events, once).nodes.a?.modelCalls).toHaveLength(1);
  });
});

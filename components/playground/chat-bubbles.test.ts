import { describe, expect, it } from "vitest";
import type { RunEvent } from "@/lib/engine/events";
import { applyRunEvent, initialRunState, type RunState } from "@/lib/engine/run-state";
import { chatBubbles, type StoredChatMessage } from "./chat-bubbles";

const at = new Date(0).toISOString();
const fold = (runId: string, events: Array<Record<string, unknown>>): RunState =>
  events.reduce<RunState>((state, event, index) => applyRunEvent(state, { runId, seq: index + 1, at, ...event } as RunEvent), initialRunState());

const stored: StoredChatMessage[] = [
  { id: "m1", role: "user", text: "My name is Ada.", runId: "run-1" },
  { id: "m2", role: "assistant", text: "Hello Ada.", runId: "run-1" },
];
const answerNodes = new Set(["llm"]);
const started = [{ type: "run.started", input: "Who am I?", nodeIds: ["llm"] }, { type: "node.started", nodeId: "llm", kind: "llm" }];

describe("chatBubbles", () => {
  it("shows the stored turns, then the live message and its answer as it streams", () => {
    const state = fold("run-2", [...started, { type: "node.delta", nodeId: "llm", text: "You are " }]);
    const bubbles = chatBubbles(stored, { runId: "run-2", message: "Who am I?" }, { runId: "run-2", state }, answerNodes);
    expect(bubbles.map(({ role, text, state: bubbleState }) => [role, text, bubbleState])).toEqual([
      ["user", "My name is Ada.", "done"],
      ["assistant", "Hello Ada.", "done"],
      ["user", "Who am I?", "done"],
      ["assistant", "You are ", "streaming"],
    ]);
  });

  it("shows the run's output once it succeeds, and nothing twice once the turn is stored", () => {
    const state = fold("run-2", [...started, { type: "run.completed", output: "You are Ada.", outputs: {}, usage: { inputTokens: 0, outputTokens: 0 }, durationMs: 5 }]);
    const live = { runId: "run-2", message: "Who am I?" };
    expect(chatBubbles(stored, live, { runId: "run-2", state }, answerNodes).at(-1)).toMatchObject({ text: "You are Ada.", state: "done", runId: "run-2" });

    const all: StoredChatMessage[] = [...stored, { id: "m3", role: "user", text: "Who am I?", runId: "run-2" }, { id: "m4", role: "assistant", text: "You are Ada.", runId: "run-2" }];
    expect(chatBubbles(all, live, { runId: "run-2", state }, answerNodes).map((bubble) => bubble.key)).toEqual(["m1", "m2", "m3", "m4"]);
  });

  it("says why a message got no answer", () => {
    const state = fold("run-2", [...started, { type: "run.failed", code: "node_error", message: "model exploded", durationMs: 1 }]);
    const live = chatBubbles(stored, { runId: "run-2", message: "Who am I?" }, { runId: "run-2", state }, answerNodes).at(-1);
    expect(live).toMatchObject({ state: "failed", text: "The run failed: model exploded" });

    const unanswered: StoredChatMessage[] = [{ id: "m1", role: "user", text: "Hi", runId: "run-9" }];
    expect(chatBubbles(unanswered, null, { runId: null, state: initialRunState() }, answerNodes).at(-1)).toMatchObject({ state: "failed", runId: "run-9" });
  });
});

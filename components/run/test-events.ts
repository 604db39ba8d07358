// Builds RunEvents for the run view's unit tests: seq and time filled in, in order.
import type { RunEvent } from "@/lib/engine/events";

type Draft = RunEvent extends infer Event ? (Event extends RunEvent ? Omit<Event, "runId" | "seq" | "at"> : never) : never;

export function eventsOf(runId: string, drafts: Draft[], firstSeq = 1): RunEvent[] {
  return drafts.map((draft, index) => ({ ...draft, runId, seq: firstSeq + index, at: new Date(Date.UTC(2026, 0, 1, 12, 0, 0, index)).toISOString() }) as RunEvent);
}

export const streamingRun = (runId = "run-1") =>
  eventsOf(runId, [
    { type: "run.started", input: "hi", nodeIds: ["input", "llm"] },
    { type: "node.started", nodeId: "input", kind: "input" },
    { type: "node.completed", nodeId: "input", kind: "input", outputs: { text: "hi" }, usage: { inputTokens: 0, outputTokens: 0 }, durationMs: 1 },
    { type: "node.started", nodeId: "llm", kind: "llm" },
    { type: "node.delta", nodeId: "llm", text: "Hel" },
    { type: "node.delta", nodeId: "llm", text: "lo" },
  ]);

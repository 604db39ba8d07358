import { describe, expect, it } from "vitest";
import type { RunEvent, RunEventOf } from "@/lib/engine/events";
import { canExtendBatch, DEFLATE_FROM_CHARS, eventsAfter, fromRunEventRow, GROUP_ROW_TYPE, toGroupedRow, toRunEventRow } from "./run-event-rows";

const at = (ms: number) => new Date(Date.UTC(2026, 10, 30, 8, 0, 0, ms)).toISOString();
const delta = (seq: number, text: string, ms = seq): RunEventOf<"node.delta"> => ({ runId: "r1", seq, at: at(ms), type: "node.delta", nodeId: "llm", text });

describe("stored run event rows", () => {
  it("stores one event without the columns it repeats and decodes it back", () => {
    const event: RunEvent = { runId: "r1", seq: 4, at: at(4), type: "node.started", nodeId: "llm", kind: "llm", input: "hi" };
    const row = toRunEventRow(4, [event]);
    expect(row).toMatchObject({ seq: 4, endSeq: null, type: "node.started", nodeId: "llm" });
    expect(row.payload).toEqual({ at: Date.parse(at(4)), kind: "llm", input: "hi" });
    expect(fromRunEventRow(row)).toEqual([event]);
  });

  it("stores consecutive deltas of one node as one row with their text once, and gives back every chunk", () => {
    const deltas = [delta(3, "Good "), delta(4, "morning, 😀", 9), delta(5, ""), delta(6, "Ada", 120)];
    const row = toRunEventRow(3, deltas);
    expect(row).toMatchObject({ seq: 3, endSeq: 6, type: "node.delta", nodeId: "llm" });
    expect((row.payload as { text: string }).text).toBe("Good morning, 😀Ada");
    expect(fromRunEventRow(row)).toEqual(deltas);
  });

  it("stores the interleaved deltas of nodes streaming side by side as one row", () => {
    const deltas = [delta(3, "a"), { ...delta(4, "b"), nodeId: "other" }, delta(5, "c"), { ...delta(6, "d"), nodeId: "other" }];
    const row = toRunEventRow(3, deltas);
    expect(row).toMatchObject({ seq: 3, endSeq: 6, nodeId: null });
    expect(fromRunEventRow(row)).toEqual(deltas);
  });

  it("leaves out a usage of zero tokens and restores it", () => {
    const event: RunEvent = { runId: "r1", seq: 2, at: at(2), type: "node.completed", nodeId: "in", kind: "input", outputs: { text: "x" }, usage: { inputTokens: 0, outputTokens: 0 }, durationMs: 1 };
    const row = toRunEventRow(2, [event]);
    expect(row.payload).not.toHaveProperty("usage");
    expect(fromRunEventRow(row)).toEqual([event]);
    const used = { ...event, usage: { inputTokens: 3, outputTokens: 0 } };
    expect(fromRunEventRow(toRunEventRow(2, [used]))).toEqual([used]);
  });

  it("resumes inside a batch with exactly the events after the given seq", () => {
    const started: RunEvent = { runId: "r1", seq: 1, at: at(1), type: "run.started", input: null, nodeIds: ["llm"] };
    const deltas = [delta(2, "a"), delta(3, "b"), delta(4, "c")];
    const done: RunEvent = { runId: "r1", seq: 5, at: at(5), type: "node.skipped", nodeId: "x", kind: "output", blockedBy: "llm", reason: "r" };
    const rows = [toRunEventRow(1, [started]), toRunEventRow(2, deltas), toRunEventRow(3, [done])];
    const all = [started, ...deltas, done];
    for (let afterSeq = 0; afterSeq <= all.length; afterSeq += 1) expect(eventsAfter(rows, afterSeq)).toEqual(all.slice(afterSeq));
  });

  it("joins only the next delta of the same type, with a time it can restore", () => {
    const first = delta(2, "a");
    expect(canExtendBatch(first, first, delta(3, "b"))).toBe(true);
    expect(canExtendBatch(first, first, { ...delta(3, "b"), nodeId: "other" })).toBe(true);
    expect(canExtendBatch(first, first, { ...delta(3, "b"), type: "node.reasoning" })).toBe(false);
    expect(canExtendBatch(first, first, delta(4, "b"))).toBe(false);
    expect(canExtendBatch(first, first, { ...delta(3, "b"), at: "yesterday" })).toBe(false);
  });

  it("reads rows stored before batching, whose payload is the whole event", () => {
    const event: RunEvent = { runId: "r1", seq: 2, at: at(2), type: "node.delta", nodeId: "llm", text: "x" };
    expect(fromRunEventRow({ runId: "r1", seq: 2, endSeq: null, type: event.type, nodeId: "llm", payload: event })).toEqual([event]);
  });

  describe("grouped rows: what a run has ready at once", () => {
    const answer = "The answer, long enough to repeat. ".repeat(20);
    const parts = (): RunEvent[][] => [
      [delta(3, "The answer, "), { ...delta(4, "long", 5), nodeId: "other" }, delta(5, "")],
      [{ runId: "r1", seq: 6, at: at(9), type: "node.model_call", nodeId: "llm", callIndex: 1, provider: "ollama", model: "m", messages: [{ role: "system", content: answer }, { role: "user", content: "hi" }], tools: [], answer: { text: answer, toolCalls: [] }, durationMs: 4 }],
      [{ runId: "r1", seq: 7, at: "not a canonical time", type: "node.completed", nodeId: "llm", kind: "llm", outputs: JSON.parse(`{"__proto__":{"text":"${answer}"}}`) as Record<string, unknown>, usage: { inputTokens: 0, outputTokens: 0 }, durationMs: 9 }],
      [{ runId: "r1", seq: 8, at: at(12), type: "run.completed", output: answer, outputs: {}, usage: { inputTokens: 2, outputTokens: 3 }, durationMs: 12 }],
    ];

    it("stores consecutive events and batches of a run as one row, deflated past the threshold, and decodes them exactly", () => {
      const row = toGroupedRow(3, parts());
      expect(row).toMatchObject({ runId: "r1", seq: 3, endSeq: 8, type: GROUP_ROW_TYPE, nodeId: null });
      expect(row.payload).toHaveProperty("deflated");
      expect(JSON.stringify(row.payload).length).toBeLessThan(answer.length);
      const decoded = fromRunEventRow(JSON.parse(JSON.stringify(row)) as typeof row);
      expect(decoded).toEqual(parts().flat());
      expect(Object.hasOwn((decoded[4] as { outputs: object }).outputs, "__proto__")).toBe(true);
    });

    it("keeps a small group readable, and a lone small part as its own row", () => {
      const small = [[delta(2, "a")], [{ runId: "r1", seq: 3, at: at(3), type: "node.started", nodeId: "x", kind: "output" } as RunEvent]];
      const row = toGroupedRow(2, small);
      expect(JSON.stringify(row.payload).length).toBeLessThan(DEFLATE_FROM_CHARS);
      expect(row.payload).toMatchObject({ at: Date.parse(at(2)), events: [{ type: "node.delta", nodeId: "llm", at: 0 }, { type: "node.started", at: 1 }] });
      expect(fromRunEventRow(row)).toEqual(small.flat());
      expect(toGroupedRow(2, [small[0]!])).toEqual(toRunEventRow(2, small[0]!));
    });

    it("resumes inside a grouped row with exactly the events after the given seq", () => {
      const started: RunEvent = { runId: "r1", seq: 1, at: at(1), type: "run.started", input: null, nodeIds: ["llm"] };
      const opened: RunEvent = { runId: "r1", seq: 2, at: at(2), type: "node.started", nodeId: "llm", kind: "llm" };
      const rows = [toGroupedRow(1, [[started], [opened]]), toGroupedRow(2, parts())];
      const all = [started, opened, ...parts().flat()];
      for (let afterSeq = 0; afterSeq <= all.length; afterSeq += 1) expect(eventsAfter(rows, afterSeq)).toEqual(all.slice(afterSeq));
    });
  });
});

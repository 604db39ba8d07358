import { describe, expect, it } from "vitest";
import { timelineEntries, timeOfDay } from "./run-timeline";
import { streamingRun } from "./test-events";

describe("timelineEntries", () => {
  it("folds a node's consecutive chunks into one line", () => {
    const entries = timelineEntries(streamingRun());
    expect(entries.map((entry) => entry.text)).toEqual([
      "Run started (2 nodes)",
      "input started",
      "input succeeded in 1 ms",
      "llm started",
      "llm streamed 2 chunks",
    ]);
    expect(entries.at(-1)).toMatchObject({ seq: 5, chunks: 2, nodeId: "llm" });
  });

  it("shows a single chunk as its text", () => {
    expect(timelineEntries(streamingRun().slice(0, 5)).at(-1)?.text).toBe("llm: Hel");
  });

  it("prints times of day", () => {
    expect(timeOfDay("2026-01-01T12:00:00.005Z")).toBe("12:00:00.005");
    expect(timeOfDay("nonsense")).toBe("");
  });
});

import { describe, expect, it } from "vitest";
import { describeError, describeEvent, formatDuration, formatUsage, statusLabel } from "./run-format";
import { eventsOf } from "./test-events";

describe("run formatting", () => {
  it("formats durations for people", () => {
    expect(formatDuration(undefined)).toBe("");
    expect(formatDuration(42.4)).toBe("42 ms");
    expect(formatDuration(1234)).toBe("1.23 s");
    expect(formatDuration(12_345)).toBe("12.3 s");
    expect(formatDuration(125_000)).toBe("2 min 5 s");
  });

  it("formats usage, and nothing when no tokens were used", () => {
    expect(formatUsage({ inputTokens: 0, outputTokens: 0 })).toBe("");
    expect(formatUsage({ inputTokens: 1200, outputTokens: 34 })).toBe("1,200 in · 34 out tokens");
  });

  it("explains known error codes and keeps the detail", () => {
    expect(describeError({ code: "provider_unavailable", message: "ECONNREFUSED" })).toMatch(/could not be reached.*ECONNREFUSED/);
    expect(describeError({ code: "node_error", message: "Bad template" })).toBe("Bad template");
    expect(describeError(undefined)).toBe("");
  });

  it("labels statuses and describes events", () => {
    expect(statusLabel("interrupted")).toBe("Interrupted");
    const [started, failed] = eventsOf("r", [
      { type: "run.started", input: "", nodeIds: ["a", "b"] },
      { type: "run.failed", code: "run_timeout", message: "", durationMs: 5 },
    ]);
    expect(describeEvent(started!)).toBe("Run started (2 nodes)");
    expect(describeEvent(failed!)).toMatch(/^Run failed: The run took longer/);
  });
});

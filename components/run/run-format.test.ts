import { describe, expect, it } from "vitest";
import { describeError, describeEvent, describeUses, formatDuration, formatUsage, sourceLabel, statusLabel } from "./run-format";
import { toNodeRunView } from "./node-run-view";
import { describeFailure, EngineError } from "@/lib/engine/errors";
import { LLMError } from "@/lib/llm/errors";
import { eventsOf } from "./test-events";

describe("run formatting", () => {
  it("says how often a model or tool node was used, and by whom in the timeline", () => {
    expect(describeUses({ as: "model", count: 3, by: ["a"] })).toBe("Used 3 times as a model");
    expect(describeUses({ as: "tool", count: 1, by: ["a"] })).toBe("Used once as a tool");
    const [used] = eventsOf("r", [{ type: "node.used", nodeId: "model", usedBy: "llm", as: "model" }]);
    const labels: Record<string, string> = { model: "Local Llama", llm: "Answer writer" };
    expect(describeEvent(used!, (id) => labels[id] ?? id)).toBe("Answer writer used Local Llama as a model");
    const view = toNodeRunView({ status: "succeeded", text: "", toolCalls: [], uses: { as: "tool", count: 2, by: ["agent"] } });
    expect(view).toMatchObject({ status: "succeeded", uses: "Used 2 times as a tool" });
  });

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
    const timedOut = describeFailure(new EngineError("node_timeout", 'Node "llm" did not finish within 5 ms.'));
    expect(describeError(timedOut)).toBe('A step took too long and was stopped. (Node "llm" did not finish within 5 ms.)');
    expect(describeError(describeFailure(new Error("Bad template")))).toBe("Bad template");
  });

  it("shows a provider failure with the hint the engine sends for its kind", () => {
    const failure = describeFailure(new LLMError({ kind: "rate_limit", provider: "openai", message: "429 Too Many Requests" }));
    expect(failure.code).toBe("provider_rate_limited");
    expect(describeError(failure)).toBe(`${failure.hint} (429 Too Many Requests)`);
    expect(describeError(failure)).toMatch(/^The provider is rate limiting this key/);
    expect(describeError(undefined)).toBe("");
  });

  it("labels statuses and describes events", () => {
    expect(statusLabel("interrupted")).toBe("Interrupted");
    expect(sourceLabel("mcp")).toBe("MCP");
    expect(sourceLabel("api")).toBe("the HTTP API");
    expect(sourceLabel("canvas")).toBeNull();
    const [started, failed] = eventsOf("r", [
      { type: "run.started", input: "", nodeIds: ["a", "b"] },
      { type: "run.failed", code: "run_timeout", message: "", durationMs: 5 },
    ]);
    expect(describeEvent(started!)).toBe("Run started (2 nodes)");
    expect(describeEvent(failed!)).toMatch(/^Run failed: The run took longer/);
  });
});

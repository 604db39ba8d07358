import { describe, expect, it } from "vitest";
import { diagnosticsOfStartError, runToReattach, takesRunInput } from "./run-choice";

describe("run choices", () => {
  it("reattaches to the newest run still going", () => {
    expect(runToReattach(undefined)).toBeNull();
    expect(runToReattach([{ id: "a", status: "succeeded" }])).toBeNull();
    expect(runToReattach([{ id: "c", status: "failed" }, { id: "b", status: "running" }, { id: "a", status: "queued" }])).toBe("b");
  });

  it("reads diagnostics from a refused start", () => {
    const diagnostics = [{ code: "cycle", severity: "error", message: "The flow has a cycle." }];
    expect(diagnosticsOfStartError({ data: { details: { diagnostics } } })).toEqual(diagnostics);
    expect(diagnosticsOfStartError({ data: { details: null } })).toEqual([]);
    expect(diagnosticsOfStartError(new Error("x"))).toEqual([]);
  });

  it("asks for run input only when the flow has an Input node", () => {
    expect(takesRunInput([{ type: "provider.ollama" }, { type: "input" }, { type: "llm" }])).toBe(true);
    expect(takesRunInput([{ type: "tool.google-calendar" }, { type: "llm" }, { type: "output" }])).toBe(false);
    expect(takesRunInput([])).toBe(false);
  });
});

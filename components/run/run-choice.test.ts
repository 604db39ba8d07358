import { describe, expect, it } from "vitest";
import { diagnosticsOfStartError, isRunShortcut, runToReattach } from "./run-choice";

const press = (key: string, extra: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...extra,
});

describe("run choices", () => {
  it("reattaches to the newest run still going", () => {
    expect(runToReattach(undefined)).toBeNull();
    expect(runToReattach([{ id: "a", status: "succeeded" }])).toBeNull();
    expect(runToReattach([{ id: "c", status: "failed" }, { id: "b", status: "running" }, { id: "a", status: "queued" }])).toBe("b");
  });

  it("opens the run dialog on Ctrl+Enter or Cmd+Enter only", () => {
    expect(isRunShortcut(press("Enter", { ctrlKey: true }))).toBe(true);
    expect(isRunShortcut(press("Enter", { metaKey: true }))).toBe(true);
    expect(isRunShortcut(press("Enter"))).toBe(false);
    expect(isRunShortcut(press("Enter", { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isRunShortcut(press("e", { ctrlKey: true }))).toBe(false);
  });

  it("reads diagnostics from a refused start", () => {
    const diagnostics = [{ code: "cycle", severity: "error", message: "The flow has a cycle." }];
    expect(diagnosticsOfStartError({ data: { details: { diagnostics } } })).toEqual(diagnostics);
    expect(diagnosticsOfStartError({ data: { details: null } })).toEqual([]);
    expect(diagnosticsOfStartError(new Error("x"))).toEqual([]);
  });
});

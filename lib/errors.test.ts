import { describe, expect, it, vi } from "vitest";

describe("isAppError", () => {
  it("recognises an AppError made by another copy of the module, as another server bundle makes them", async () => {
    const first = await import("./errors");
    vi.resetModules();
    const second = await import("./errors");
    expect(second.AppError).not.toBe(first.AppError);
    expect(second.isAppError(new first.AppError("UNAUTHORIZED", "Missing API key"))).toBe(true);
    expect(second.isAppError(new Error("plain"))).toBe(false);
    expect(second.isAppError({ code: "UNAUTHORIZED", message: "look-alike" })).toBe(false);
  });
});

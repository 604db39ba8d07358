import { describe, expect, it } from "vitest";
import { AppError, describeZodError, isAppError } from "./errors.ts";

type ErrorsModule = typeof import("./errors.ts");

describe("AppError", () => {
  it("is recognised when another copy of the module made it, as a separately bundled route does", async () => {
    const copyPath = "./errors.ts?another-copy";
    const copy = (await import(/* @vite-ignore */ copyPath)) as ErrorsModule;
    expect(copy.AppError).not.toBe(AppError);
    const error = new copy.AppError("NOT_FOUND", "share link is unknown");
    expect(isAppError(error)).toBe(true);
    expect(error instanceof AppError).toBe(true);
    expect(copy.isAppError(new AppError("CONFLICT", "stale version"))).toBe(true);
  });

  it("is not any other error", () => {
    expect(isAppError(new Error("plain"))).toBe(false);
    expect(isAppError({ code: "NOT_FOUND", message: "look-alike" })).toBe(false);
    expect(isAppError(null)).toBe(false);
  });
});

describe("describeZodError", () => {
  it("names each field once, and says every problem", () => {
    const issues = [
      { path: ["name"], message: "name must not be empty" },
      { path: ["secret"], message: "looks too short" },
      { path: ["graph", "nodes", 0, "id"], message: "must be unique" },
      { path: [], message: "the body must be an object" },
    ];
    expect(describeZodError({ issues })).toBe("name must not be empty; secret: looks too short; graph.nodes.0.id: must be unique; the body must be an object");
  });
});

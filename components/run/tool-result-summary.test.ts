import { describe, expect, it } from "vitest";
import { summarizeToolResult } from "./tool-result-summary";

describe("summarizeToolResult", () => {
  it("reads an object's first fields, counting the rest", () => {
    const result = JSON.stringify({ status: 200, url: "https://example.com/", body: "<html> lots </html>", headers: { a: "1" }, ok: true });
    const { summary, raw } = summarizeToolResult(result);
    expect(summary).toBe('status: 200, url: "https://example.com/", body: "<html> lots </html>", headers: {1 field} (+1 more)');
    expect(JSON.parse(raw!)).toEqual(JSON.parse(result));
    expect(raw).toContain("\n  ");
  });

  it("counts a list's items and reads the first", () => {
    expect(summarizeToolResult(JSON.stringify([{ subject: "Hi" }, { subject: "Yo" }])).summary).toBe('2 items, first: subject: "Hi"');
    expect(summarizeToolResult("[]").summary).toBe("0 items");
  });

  it("clips plain text and keeps no raw copy of it", () => {
    const long = "word ".repeat(100);
    const { summary, raw } = summarizeToolResult(long);
    expect(summary.length).toBe(120);
    expect(summary.endsWith("…")).toBe(true);
    expect(raw).toBeUndefined();
    expect(summarizeToolResult("42")).toEqual({ summary: "42" });
  });
});

import { describe, expect, it } from "vitest";
import { outputTextOf, runOutputText, tailOf } from "./node-output";

describe("node output text", () => {
  it("prefers streamed text, then a single string output, then JSON", () => {
    expect(outputTextOf({ text: "streamed", outputs: { text: "other" } })).toBe("streamed");
    expect(outputTextOf({ text: "", outputs: { text: "final" } })).toBe("final");
    expect(outputTextOf({ text: "", outputs: { items: [1, 2] } })).toContain('"items"');
    expect(outputTextOf({ text: "" })).toBe("");
  });

  it("renders a run's output as text or JSON", () => {
    expect(runOutputText(null)).toBe("");
    expect(runOutputText("done")).toBe("done");
    expect(runOutputText({ a: 1 })).toMatch(/^```json/);
  });

  it("keeps the tail of a long stream", () => {
    expect(tailOf("short")).toBe("short");
    expect(tailOf("abcdef", 3)).toBe("…def");
  });
});

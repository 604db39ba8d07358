import { describe, expect, it } from "vitest";
import { clipModelCallMessages, clipModelCallText } from "./model-call";

describe("clipping what a model call records", () => {
  it("cuts a long text and says how many characters were cut", () => {
    expect(clipModelCallText("short", 10)).toBe("short");
    expect(clipModelCallText("abcdefghijkl", 10)).toBe("abcdefghij\n[2 characters cut]");
    expect(clipModelCallText("x".repeat(1_500), 0)).toBe("[1,500 characters cut]");
  });

  it("keeps the system prompt and the newest messages whole when a call's messages together are too long", () => {
    const messages = [
      { role: "system", content: "S".repeat(8) },
      { role: "user", content: "U".repeat(8) },
      { role: "assistant", content: "A".repeat(8) },
      { role: "tool", content: "T".repeat(12) },
    ];
    const clipped = clipModelCallMessages(messages, { perMessage: 10, total: 22 });
    expect(clipped.map((message) => message.content)).toEqual([
      "S".repeat(8),
      "[8 characters cut]",
      "AAAA\n[4 characters cut]",
      `${"T".repeat(10)}\n[2 characters cut]`,
    ]);
    expect(clipped.map((message) => message.role)).toEqual(["system", "user", "assistant", "tool"]);
    expect(clipModelCallMessages(messages, { perMessage: 20, total: 100 })).toEqual(messages);
  });
});

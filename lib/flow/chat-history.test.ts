import { describe, expect, it } from "vitest";
import { lastTurns, toChatHistory, type ChatHistory } from "./chat-history";

const conversation: ChatHistory = [
  { role: "system", content: "Be kind." },
  { role: "user", content: "one" },
  { role: "assistant", content: "1" },
  { role: "user", content: "two" },
  { role: "assistant", content: "2" },
  { role: "user", content: "three" },
];

describe("lastTurns", () => {
  it("keeps the system messages and the last turns, each with its answer", () => {
    expect(lastTurns(conversation, 2)).toEqual([conversation[0], ...conversation.slice(3)]);
  });

  it("keeps everything when there are fewer turns than asked for", () => {
    expect(lastTurns(conversation, 10)).toEqual(conversation);
  });
});

describe("toChatHistory", () => {
  it("reads nothing connected as no history", () => {
    expect(toChatHistory(undefined)).toEqual([]);
  });

  it("names the fix when the input is not a list of messages", () => {
    expect(() => toChatHistory("hello")).toThrow(/Memory node/);
  });
});

import { describe, expect, it } from "vitest";
import { embedSnippet, recall, remember, sessionKey, turnsOf, VISITOR_KEY, withAnswer, withSentMessage, type KeyValueStore } from "./shared-chat-state";

const memoryStore = (): KeyValueStore & { items: Map<string, string> } => {
  const items = new Map<string, string>();
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value), removeItem: (key) => void items.delete(key) };
};

describe("shared chat state", () => {
  it("remembers the visitor id for every link and the open session per link", () => {
    const store = memoryStore();
    remember(store, "t1", { visitorId: "v", sessionId: "s1" });
    remember(store, "t2", { visitorId: "v", sessionId: "s2" });
    expect(recall(store, "t1")).toEqual({ visitorId: "v", sessionId: "s1" });
    expect(recall(store, "t2")).toEqual({ visitorId: "v", sessionId: "s2" });
    remember(store, "t1", { visitorId: "v" });
    expect(recall(store, "t1")).toEqual({ visitorId: "v", sessionId: undefined });
    expect(store.items.get(VISITOR_KEY)).toBe("v");
    expect(store.items.has(sessionKey("t2"))).toBe(true);
  });

  it("remembers nothing, without failing, where storage is blocked or missing", () => {
    const blocked: KeyValueStore = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("SecurityError");
      },
      removeItem: () => undefined,
    };
    expect(() => remember(blocked, "t", { visitorId: "v", sessionId: "s" })).not.toThrow();
    expect(recall(blocked, "t")).toEqual({});
    expect(recall(null, "t")).toEqual({ visitorId: undefined, sessionId: undefined });
  });

  it("shows a sent message with a pending answer, then the answer or why there is none", () => {
    const sent = withSentMessage(turnsOf([{ role: "user", text: "a" }, { role: "assistant", text: "b" }]), "c");
    expect(sent.at(-1)).toEqual({ role: "assistant", text: "", state: "pending" });
    expect(withAnswer(sent, "d").slice(2)).toEqual([
      { role: "user", text: "c", state: "done" },
      { role: "assistant", text: "d", state: "done" },
    ]);
    expect(withAnswer(sent, null, "Too many messages.").at(-1)).toEqual({ role: "assistant", text: "Too many messages.", state: "failed" });
    // Nothing pending: nothing changes.
    const settled = withAnswer(sent, "d");
    expect(withAnswer(settled, "e")).toEqual(settled);
  });

  it("makes an iframe snippet whose address cannot break out of its attribute", () => {
    expect(embedSnippet("https://studio.example.com/share/abc/chat")).toBe(
      '<iframe src="https://studio.example.com/share/abc/chat" title="Chat" width="400" height="600" style="border: 1px solid #ccc; border-radius: 8px;"></iframe>',
    );
    expect(embedSnippet('https://x.test/share/a"b<c&d/chat')).toContain('src="https://x.test/share/a&quot;b&lt;c&amp;d/chat"');
  });
});

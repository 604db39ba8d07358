// The scripted provider is shared test infrastructure (run service tests, benchmarks): its contract is tested here.
import { describe, expect, it, vi } from "vitest";
import type { StreamChunk } from "@/lib/llm/types";
import { createScriptedProvider } from "@/testing/scripted-provider";
import { createGate } from "@/testing/latches";

describe("scripted provider", () => {
  it("replays replies in order, streams text then tool calls then done, and records calls", async () => {
    const provider = createScriptedProvider({ replies: [{ chunks: ["Hel", "lo"], toolCalls: [{ name: "calc", args: { x: 1 }, id: "t1" }] }, "second"] });
    const chunks: StreamChunk[] = [];
    for await (const chunk of provider.stream([{ role: "user", content: "hi" }], { tools: [{ name: "calc", description: "", parameters: {} }] })) chunks.push(chunk);
    expect(chunks.slice(0, 3)).toEqual([
      { type: "text", delta: "Hel" },
      { type: "text", delta: "lo" },
      { type: "tool_call", index: 0, id: "t1", name: "calc", argumentsDelta: '{"x":1}' },
    ]);
    expect(chunks[3]).toMatchObject({ type: "done", response: { content: "Hello", finishReason: "tool_calls", toolCalls: [{ id: "t1", name: "calc", arguments: { x: 1 } }] } });
    expect((await provider.generate("again")).content).toBe("second");
    expect(provider.calls.map((call) => call.method)).toEqual(["stream", "generate"]);
    expect(provider.calls[0]!.tools[0]!.name).toBe("calc");
    expect(provider.pending).toBe(0);
    await expect(provider.chat([])).rejects.toThrow(/no reply left/);
  });

  it("waits when told to and rejects at once when the signal aborts", async () => {
    vi.useFakeTimers();
    try {
      const provider = createScriptedProvider({ replies: ["late", "never"], delayMs: 10_000 });
      let isAnswered = false;
      const answered = provider.chat([{ role: "user", content: "x" }]).then((response) => ((isAnswered = true), response));
      await vi.advanceTimersByTimeAsync(9_999);
      expect(isAnswered).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect((await answered).content).toBe("late");
      const controller = new AbortController();
      const call = provider.chat([{ role: "user", content: "x" }], { signal: controller.signal });
      controller.abort(new Error("stopped"));
      // No time passes: the abort alone ends the wait.
      await expect(call).rejects.toThrow("stopped");
      expect(provider.calls[1]!.isAborted).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it("holds a reply until its gate opens, and an abort ends the hold", async () => {
    const gate = createGate();
    const provider = createScriptedProvider({ replies: [{ text: "held", until: gate.promise }, { text: "never", until: createGate().promise }] });
    const answered = provider.chat([]);
    const controller = new AbortController();
    const aborted = provider.chat([], { signal: controller.signal });
    controller.abort(new Error("stopped"));
    await expect(aborted).rejects.toThrow("stopped");
    expect(provider.calls[0]!.endedAt).toBeUndefined(); // the first is still held
    gate.open();
    expect((await answered).content).toBe("held");
  });

  it("answers from a responder and fails on a scripted error", async () => {
    const provider = createScriptedProvider({ respond: (call) => (call.index === 0 ? { error: "rate limited" } : `call ${call.index}`) });
    await expect(provider.chat([])).rejects.toThrow("rate limited");
    expect((await provider.toolCall([], [])).content).toBe("call 1");
  });
});

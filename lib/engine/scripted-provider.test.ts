// The scripted provider is shared test infrastructure (run service tests, benchmarks): its contract is tested here.
import { describe, expect, it } from "vitest";
import type { StreamChunk } from "@/lib/llm/types";
import { createScriptedProvider } from "@/testing/scripted-provider";

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
    const provider = createScriptedProvider({ replies: ["late"], delayMs: 10_000 });
    const controller = new AbortController();
    const started = Date.now();
    const call = provider.chat([{ role: "user", content: "x" }], { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("stopped")), 20);
    await expect(call).rejects.toThrow("stopped");
    // Far sooner than the 10 s the reply would have taken.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(provider.calls[0]!.isAborted).toBe(true);
  });

  it("answers from a responder and fails on a scripted error", async () => {
    const provider = createScriptedProvider({ respond: (call) => (call.index === 0 ? { error: "rate limited" } : `call ${call.index}`) });
    await expect(provider.chat([])).rejects.toThrow("rate limited");
    expect((await provider.toolCall([], [])).content).toBe("call 1");
  });
});

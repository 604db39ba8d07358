import { describe, expect, it } from "vitest";
import type { LLMProvider } from "@/lib/llm/types";
import { createScriptedProvider } from "@/testing/scripted-provider";
import type { ModelCallRecord } from "./model-call";
import { recordModelCalls } from "./model-call-recorder";

function recorder() {
  const calls: ModelCallRecord[] = [];
  let index = 0;
  return { calls, sink: { nextIndex: () => (index += 1), report: (call: ModelCallRecord) => void calls.push(call) } };
}

describe("recordModelCalls", () => {
  it("records a call that did not stream, without a time to first token", async () => {
    const { calls, sink } = recorder();
    const provider = recordModelCalls(createScriptedProvider({ replies: ["Hi"] }), sink);
    const tools = [{ name: "lookup", description: "Looks things up.", parameters: { query: { type: "string" } } }];
    await provider.toolCall([{ role: "user", content: "hello" }], tools);
    expect(calls).toEqual([
      expect.objectContaining({ callIndex: 1, messages: [{ role: "user", content: "hello" }], tools: [{ name: "lookup", description: "Looks things up." }], answer: { text: "Hi", toolCalls: [] } }),
    ]);
    expect(calls[0]!.ttftMs).toBeUndefined();
  });

  it("keeps the provider's key out of a failed call's error, whatever its shape", async () => {
    const { calls, sink } = recorder();
    const apiKey = "custom-key-7d1f0c2b";
    const scripted = createScriptedProvider({ replies: [{ error: `upstream refused key ${apiKey}` }] });
    const withKey: LLMProvider = { ...scripted, config: { ...scripted.config, apiKey } };
    const provider = recordModelCalls(withKey, sink);
    await expect(provider.chat([{ role: "user", content: "hello" }])).rejects.toThrow(apiKey);
    expect(calls[0]!.error).toBe("upstream refused key [redacted]");
    expect(JSON.stringify(calls)).not.toContain(apiKey);
  });
});

import { describe, expect, it } from "vitest";
import { StreamAssembler } from "@/lib/llm/core/stream-assembler";
import { resolveConfig } from "@/lib/llm/config";
import type { LLMProvider, StreamChunk } from "@/lib/llm/types";
import { streamChat } from "./stream-text";

// A provider whose stream is exactly `chunks`: here it never sends `done`, as a cut-off stream would not.
function providerStreaming(chunks: StreamChunk[]): LLMProvider {
  const unused = () => Promise.reject(new Error("only stream is used"));
  return {
    name: "raw",
    config: resolveConfig("ollama", "raw-model", {}),
    generate: unused,
    chat: unused,
    toolCall: unused,
    async *stream() {
      yield* chunks;
    },
  };
}

const malformed: StreamChunk[] = [
  { type: "text", delta: "Let me check." },
  { type: "tool_call", index: 0, id: "a", name: "weather", argumentsDelta: '{"city": "Par' },
  { type: "tool_call", index: 1, id: "b", name: "search", argumentsDelta: '["not", "an object"]' },
  { type: "tool_call", index: 2, id: "c", name: "clock", argumentsDelta: '{"zone":' },
  { type: "tool_call", index: 2, argumentsDelta: ' "UTC"}' },
];

describe("streamChat on a stream that ends without done", () => {
  it("flags malformed and non-object tool arguments as the provider layer does: {} plus argumentsError", async () => {
    const texts: string[] = [];
    const response = await streamChat(providerStreaming(malformed), [], { onDelta: (text) => texts.push(text) });

    expect(texts).toEqual(["Let me check."]);
    expect(response.finishReason).toBe("tool_calls");
    expect(response.toolCalls).toEqual([
      { id: "a", name: "weather", arguments: {}, argumentsError: expect.stringMatching(/"weather" are not valid JSON/) },
      { id: "b", name: "search", arguments: {}, argumentsError: expect.stringMatching(/must be a JSON object, not an array/) },
      { id: "c", name: "clock", arguments: { zone: "UTC" } },
    ]);

    const assembler = new StreamAssembler("raw");
    for (const chunk of malformed) if (chunk.type !== "done") assembler.push(chunk);
    expect(response).toEqual(assembler.toResponse("raw-model", 0));
  });
});

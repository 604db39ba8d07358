import { describe, expect, it } from "vitest";
import type { ModelCallRecord } from "@/lib/engine/model-call";
import { modelCallJson, modelCallTranscript, offeredTools, summarizeModelCall } from "./model-call-format";

const toolStep: ModelCallRecord = {
  callIndex: 2,
  provider: "ollama",
  model: "llama3.2",
  messages: [
    { role: "system", content: "Solve it." },
    { role: "user", content: "6 times 7?" },
    { role: "assistant", content: "Let me compute.", toolCalls: [{ id: "c1", name: "calculator", arguments: { expression: "6 * 7" } }] },
    { role: "tool", toolCallId: "c1", name: "calculator", content: '{"result":42}' },
  ],
  tools: [{ name: "calculator", description: "Evaluates arithmetic." }, { name: "now", description: "" }],
  answer: { text: "It is 42.", toolCalls: [] },
  finishReason: "stop",
  usage: { inputTokens: 1200, outputTokens: 4 },
  ttftMs: 45,
  durationMs: 1250,
};

describe("model call format", () => {
  it("summarises a call: which model, how it ended, tokens and latency", () => {
    expect(summarizeModelCall(toolStep)).toEqual({
      title: "#2 · ollama · llama3.2",
      finish: "finished",
      tokens: "1,200 in · 4 out tokens",
      latency: "first token 45 ms · 1.25 s total",
    });
    const failed = summarizeModelCall({ ...toolStep, answer: undefined, finishReason: undefined, usage: undefined, ttftMs: undefined, error: "boom", durationMs: 3 });
    expect(failed).toEqual({ title: "#2 · ollama · llama3.2", finish: "failed", tokens: "", latency: "3 ms total" });
    expect(summarizeModelCall({ ...toolStep, finishReason: "length" }).finish).toBe("cut off at the token limit");
  });

  it("reads the messages as a transcript with the tool call, the tool result and the answer", () => {
    expect(modelCallTranscript(toolStep)).toEqual([
      { role: "system", label: "System", text: "Solve it.", toolCalls: [] },
      { role: "user", label: "User", text: "6 times 7?", toolCalls: [] },
      { role: "assistant", label: "Assistant", text: "Let me compute.", toolCalls: [{ name: "calculator", arguments: '{\n  "expression": "6 * 7"\n}' }] },
      { role: "tool", label: "Tool result: calculator", text: '{"result":42}', toolCalls: [] },
      { role: "answer", label: "Answer", text: "It is 42.", toolCalls: [] },
    ]);
  });

  it("ends a failed call's transcript with the failure, and names arguments the engine could not use", () => {
    const turns = modelCallTranscript({
      ...toolStep,
      answer: { text: "", toolCalls: [{ id: "c2", name: "calculator", arguments: {}, argumentsError: "arguments are not JSON" }] },
      error: "connection reset",
    });
    expect(turns.at(-2)).toEqual({ role: "answer", label: "Answer", text: "", toolCalls: [{ name: "calculator", arguments: "{}", problem: "arguments are not JSON" }] });
    expect(turns.at(-1)).toEqual({ role: "error", label: "The call failed", text: "connection reset", toolCalls: [] });
  });

  it("lists the tools offered and gives the raw JSON", () => {
    expect(offeredTools(toolStep)).toEqual(["calculator: Evaluates arithmetic.", "now"]);
    expect(JSON.parse(modelCallJson(toolStep))).toEqual(toolStep);
  });
});

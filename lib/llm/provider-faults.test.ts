// Field faults, replayed through the real SDKs against the local wire-format servers: parameters a model family
// refuses, empty and cut-off answers, reasoning text, tool arguments a model gets wrong, and failure kinds.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { collect, rejectionOf, startHarness, type Harness } from "@/testing/llm-harness.ts";
import type { ChatMessage, LLMResponse, StreamChunk, ToolDefinition } from "./types.ts";

const question: ChatMessage[] = [{ role: "system", content: "Be brief." }, { role: "user", content: "Weather in Oslo?" }];
const weatherTool: ToolDefinition = { name: "weather", description: "Weather for a city", parameters: { city: { type: "string" } } };

const doneOf = (chunks: StreamChunk[]): LLMResponse => {
  const last = chunks.at(-1);
  if (last?.type !== "done") throw new Error("the stream ended without a done chunk");
  return last.response;
};

describe("OpenAI model families", () => {
  let harness: Harness;
  beforeAll(async () => void (harness = await startHarness("openai")));
  afterAll(() => harness.server.close());
  beforeEach(() => harness.server.reset());

  it.each(["o4-mini", "gpt-5-mini", "o3", "gpt-5"])("answers on %s with default settings: no temperature, system as developer", async (model) => {
    const response = await (await harness.provider({ model })).chat(question);
    expect(response.content).toContain("Hello");
    const body = harness.server.requests[0]!.body;
    expect(body).not.toHaveProperty("temperature");
    expect(body).not.toHaveProperty("top_p");
    expect(body.max_completion_tokens).toBe(4096);
    expect(body.messages[0]).toEqual({ role: "developer", content: "Be brief." });
  });

  it("drops a temperature set on a reasoning model and sends its reasoning effort", async () => {
    await (await harness.provider({ model: "o4-mini", temperature: 0.7, reasoningEffort: "low" })).chat(question);
    const body = harness.server.requests[0]!.body;
    expect(body).not.toHaveProperty("temperature");
    expect(body.reasoning_effort).toBe("low");
  });

  it("sends a temperature only when one is set, and never a reasoning effort, to a chat model", async () => {
    const llm = await harness.provider({ model: "gpt-4o-mini", reasoningEffort: "high" });
    await llm.chat(question);
    await llm.chat(question, { temperature: 0.2 });
    const [unset, set] = harness.server.requests.map((request) => request.body);
    expect(unset).not.toHaveProperty("temperature");
    expect(unset).not.toHaveProperty("reasoning_effort");
    expect(unset.messages[0].role).toBe("system");
    expect(set.temperature).toBe(0.2);
  });
});

describe.each(["ollama", "openai", "anthropic"] as const)("%s: answers that end badly", (name) => {
  let harness: Harness;
  beforeAll(async () => void (harness = await startHarness(name)));
  afterAll(() => harness.server.close());
  beforeEach(() => harness.server.reset());

  it("reports a cut-off answer as finish reason length, streamed and not", async () => {
    harness.server.enqueue({ text: "The weather in Oslo is", finishReason: "length" }, { text: "The weather", finishReason: "length" });
    const llm = await harness.provider();
    expect(doneOf(await collect(llm.stream(question)))).toMatchObject({ content: "The weather in Oslo is", finishReason: "length" });
    expect(await llm.chat(question)).toMatchObject({ finishReason: "length" });
  });

  it("hands back tool arguments that are not JSON, or not an object, flagged instead of failing", async () => {
    harness.server.enqueue({
      toolCalls: [
        { id: "call_1", name: "weather", arguments: {}, rawArguments: name === "ollama" ? '"Oslo"' : '{"city": "Os' },
        { id: "call_2", name: "weather", arguments: {}, rawArguments: '["Oslo"]' },
      ],
    });
    const response = doneOf(await collect((await harness.provider()).stream(question, { tools: [weatherTool] })));
    expect(response.finishReason).toBe("tool_calls");
    expect(response.toolCalls).toHaveLength(2);
    expect(response.toolCalls[0]).toMatchObject({ name: "weather", arguments: {}, argumentsError: expect.stringContaining('"weather"') });
    expect(response.toolCalls[1]!.argumentsError).toMatch(/must be a JSON object, not an array/);
  });

  it("says not_found when the model does not exist", async () => {
    harness.server.enqueue({ error: { status: 404, message: "model 'nope' not found" } });
    const error = await rejectionOf((await harness.provider({ model: "nope" })).chat(question));
    expect(error).toMatchObject({ kind: "not_found", attempts: 1 });
    expect(error.message).toContain('no model "nope"');
  });
});

describe.each(["ollama", "anthropic"] as const)("%s: reasoning text", (name) => {
  let harness: Harness;
  beforeAll(async () => void (harness = await startHarness(name)));
  afterAll(() => harness.server.close());

  it("keeps reasoning apart from the answer when the model only thought and hit its limit", async () => {
    harness.server.enqueue({ reasoning: ["Let me ", "think about Oslo"], text: [], finishReason: "length" }, { reasoning: "Thinking hard", finishReason: "length" });
    const llm = await harness.provider();
    const chunks = await collect(llm.stream(question));
    expect(chunks.filter((chunk) => chunk.type === "reasoning").map((chunk) => chunk.type === "reasoning" && chunk.delta).join("")).toBe("Let me think about Oslo");
    expect(doneOf(chunks)).toMatchObject({ content: "", reasoning: "Let me think about Oslo", finishReason: "length" });
    expect(await llm.chat(question)).toMatchObject({ content: "", reasoning: "Thinking hard", finishReason: "length" });
  });
});

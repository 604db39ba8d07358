// The same behaviour, checked on every provider in the registry through their real SDKs against local wire-format servers.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { LLMError } from "./errors.ts";
import { collect, rejectionOf, startHarness, testKeys, type Harness } from "@/testing/llm-harness.ts";
import { providerNames, type ChatMessage, type ToolDefinition } from "./types.ts";
import type { ScriptedResponse } from "@/testing/servers/scripted-server.ts";

const searchTool: ToolDefinition = { name: "search", description: "Search the web", parameters: { query: { type: "string" } } };
const question: ChatMessage[] = [{ role: "user", content: "What is new in Toronto?" }];

describe.each(providerNames)("%s provider", (name) => {
  let harness: Harness;
  beforeAll(async () => void (harness = await startHarness(name)));
  afterAll(() => harness.server.close());
  beforeEach(() => harness.server.reset());

  it("answers a chat with content, finish reason, usage and latency", async () => {
    const serverDelayMs = 150;
    harness.server.enqueue({ text: "Hello there, person.", usage: { inputTokens: 12, outputTokens: 4 }, delayMs: serverDelayMs });
    const llm = await harness.provider();
    const response = await llm.chat([{ role: "system", content: "Be brief." }, { role: "user", content: "Hello" }]);
    expect(response).toMatchObject({ content: "Hello there, person.", toolCalls: [], finishReason: "stop", provider: name });
    expect(response.usage).toEqual({ inputTokens: 12, outputTokens: 4 });
    expect(response.model).toBe(llm.config.model);
    // The latency covers the server's wait (less a millisecond: timers count whole milliseconds).
    expect(response.latencyMs).toBeGreaterThanOrEqual(serverDelayMs - 1);
    expect(llm.name).toBe(name);
    expect(harness.server.requests).toHaveLength(1);
  });

  it("generate() sends the prompt as one user message", async () => {
    const llm = await harness.provider({ model: "custom-model" });
    const response = await llm.generate("Say hi");
    expect(response.content).toContain("Hello from the local");
    const body = harness.server.requests[0]!.body;
    expect(body.model).toBe("custom-model");
    expect(JSON.stringify(body.messages)).toContain("Say hi");
  });

  it("streams text deltas in order, then one done chunk with the assembled response", async () => {
    harness.server.enqueue({ text: ["Hel", "lo", " world"], usage: { inputTokens: 3, outputTokens: 3 } });
    const chunks = await collect((await harness.provider()).stream(question));
    const texts = chunks.filter((chunk) => chunk.type === "text").map((chunk) => chunk.delta);
    expect(texts).toEqual(["Hel", "lo", " world"]);
    const last = chunks.at(-1)!;
    expect(last.type).toBe("done");
    expect(chunks.filter((chunk) => chunk.type === "done")).toHaveLength(1);
    if (last.type !== "done") return;
    expect(last.response).toMatchObject({ content: "Hello world", finishReason: "stop", usage: { inputTokens: 3, outputTokens: 3 } });
  });

  it("streams tool calls and assembles them into whole calls", async () => {
    harness.server.enqueue({
      toolCalls: [
        { id: "call_a", name: "search", arguments: { query: "toronto news", limit: 3 } },
        { id: "call_b", name: "search", arguments: { query: "weather" } },
      ],
    });
    const chunks = await collect((await harness.provider()).stream(question, { tools: [searchTool] }));
    const toolChunks = chunks.filter((chunk) => chunk.type === "tool_call");
    expect(toolChunks.length).toBeGreaterThanOrEqual(2);
    const done = chunks.at(-1)!;
    if (done.type !== "done") throw new Error("no done chunk");
    expect(done.response.finishReason).toBe("tool_calls");
    expect(done.response.toolCalls).toEqual([
      { id: "call_a", name: "search", arguments: { query: "toronto news", limit: 3 } },
      { id: "call_b", name: "search", arguments: { query: "weather" } },
    ]);
  });

  it("sends shorthand tool parameters as JSON Schema with every property required", async () => {
    harness.server.enqueue({ toolCalls: [{ id: "call_1", name: "search", arguments: { query: "x" } }] });
    const response = await (await harness.provider()).toolCall(question, [searchTool]);
    expect(response.toolCalls).toEqual([{ id: "call_1", name: "search", arguments: { query: "x" } }]);
    expect(response.finishReason).toBe("tool_calls");
    const schema = JSON.stringify(harness.server.requests[0]!.body.tools);
    expect(schema).toContain('"type":"object"');
    expect(schema).toContain('"required":["query"]');
  });

  it("feeds a tool result back in the provider's own format", async () => {
    harness.server.enqueue({ text: "It is sunny." });
    const conversation: ChatMessage[] = [
      ...question,
      { role: "assistant", content: "", toolCalls: [{ id: "call_9", name: "search", arguments: { query: "weather" } }] },
      { role: "tool", toolCallId: "call_9", content: '{"forecast":"sunny"}' },
    ];
    const response = await (await harness.provider()).chat(conversation, { tools: [searchTool] });
    expect(response.content).toBe("It is sunny.");
    const sent = JSON.stringify(harness.server.requests[0]!.body.messages);
    expect(sent).toContain("sunny");
    if (name === "openai" || name === "openai-compatible") expect(sent).toContain('"tool_call_id":"call_9"');
    if (name === "anthropic") expect(sent).toMatch(/"type":"tool_use","id":"call_9".*"type":"tool_result","tool_use_id":"call_9"/);
    if (name === "ollama") expect(sent).toContain('"role":"tool","content":"{\\"forecast\\":\\"sunny\\"}","tool_name":"search"');
  });

  it("jsonMode asks for JSON and returns content that parses", async () => {
    harness.server.enqueue({ text: ["```json\n", '{"ok": true}', "\n```"] });
    const response = await (await harness.provider({ jsonMode: true })).chat(question);
    expect(JSON.parse(response.content)).toEqual({ ok: true });
    const body = harness.server.requests[0]!.body;
    if (name === "ollama") expect(body.format).toBe("json");
    if (name === "openai" || name === "openai-compatible") expect(body.response_format).toEqual({ type: "json_object" });
    expect(JSON.stringify(body).toLowerCase()).toContain("json");
  });

  it("retries a 429, honouring Retry-After, then succeeds", async () => {
    const arrivals: number[] = [];
    const arrive = (response: ScriptedResponse) => () => (arrivals.push(Date.now()), response);
    harness.server.enqueue(arrive({ error: { status: 429, headers: { "retry-after": "1" } } }), arrive({ text: "Finally." }));
    const response = await (await harness.provider({ retryDelayMs: 1 })).chat(question);
    expect(response.content).toBe("Finally.");
    expect(harness.server.requests).toHaveLength(2);
    // The retry came after the server's 1 s, not after retryDelayMs' 1 ms (a lower bound: a slow machine only adds).
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(990);
  });

  it("gives up on repeated 5xx after retryAttempts retries with an unavailable error", async () => {
    harness.server.setDefault({ error: { status: 503, message: "overloaded" } });
    try {
      const error = await rejectionOf((await harness.provider({ retryAttempts: 2 })).chat(question));
      expect(error).toBeInstanceOf(LLMError);
      expect(error).toMatchObject({ kind: "unavailable", provider: name, status: 503, retryable: true, attempts: 3 });
      expect(harness.server.requests).toHaveLength(3);
    } finally {
      harness.server.setDefault({ text: "ok" });
    }
  });

  it("does not retry a 401 and never shows the key", async () => {
    const key = name === "anthropic" ? testKeys.anthropic : testKeys.openai;
    harness.server.enqueue({ error: { status: 401, message: `Incorrect API key provided: ${key}` } });
    const error = await rejectionOf((await harness.provider()).chat(question));
    expect(error).toMatchObject({ kind: "auth", status: 401, retryable: false });
    expect(harness.server.requests).toHaveLength(1);
    expect(error.message).not.toContain(key);
    expect(error.message).toMatch(/Check .*(API_KEY|API key)/);
  });

  it("times out a request that never answers", async () => {
    harness.server.enqueue({ hang: true });
    const error = await rejectionOf((await harness.provider({ timeoutMs: 150, retryAttempts: 0 })).chat(question));
    expect(error).toMatchObject({ kind: "timeout", provider: name });
    expect(error.message).toContain("timeoutMs");
  });

  it("times out a stream that stalls after its first chunks", async () => {
    harness.server.enqueue({ text: ["one ", "two ", "three"], hangAfterChunks: 2 });
    const error = await rejectionOf(collect((await harness.provider({ timeoutMs: 200 })).stream(question)));
    expect(error).toMatchObject({ kind: "timeout" });
  });

  it("ends promptly and throws when aborted mid-stream, without a done chunk", async () => {
    harness.server.enqueue({ text: ["first ", "second ", "third"], hangAfterChunks: 2 });
    const controller = new AbortController();
    const seen: string[] = [];
    const error = await rejectionOf(
      (async () => {
        for await (const chunk of (await harness.provider()).stream(question, { signal: controller.signal })) {
          seen.push(chunk.type);
          if (chunk.type === "text") controller.abort();
        }
      })(),
    );
    expect(error).toMatchObject({ kind: "aborted", retryable: false });
    expect(seen).not.toContain("done");
    expect(harness.server.requests).toHaveLength(1);
    await vi.waitFor(() => expect(harness.server.requests[0]!.isAbandoned).toBe(true)); // the connection itself was dropped
  });
});

import { describe, expect, it } from "vitest";
import { acceptsPrefill } from "../anthropic/json-prefill.ts";
import { normalizeOllamaHost } from "../ollama/ollama-client.ts";
import { cleanJsonContent } from "./json-mode.ts";
import { isConnectionRefused, parseRetryAfter } from "./provider-failure.ts";
import { redactSecrets } from "./redact.ts";
import { backoffDelay } from "./retry.ts";
import { StreamAssembler } from "./stream-assembler.ts";
import { normalizeToolParameters } from "./tool-schema.ts";

describe("tool parameters", () => {
  it("turns the shorthand into JSON Schema with every property required", () => {
    expect(normalizeToolParameters({ query: { type: "string" }, limit: { type: "number", description: "max" } })).toEqual({
      type: "object",
      properties: { query: { type: "string" }, limit: { type: "number", description: "max" } },
      required: ["query", "limit"],
    });
  });

  it("keeps a full JSON Schema as it is, and a shorthand property called 'properties' as a property", () => {
    const schema = { type: "object", properties: { q: { type: "string" } }, required: [] };
    expect(normalizeToolParameters(schema)).toEqual(schema);
    expect(normalizeToolParameters({ properties: { type: "string" } }).required).toEqual(["properties"]);
    expect(normalizeToolParameters({})).toEqual({ type: "object", properties: {} });
  });
});

describe("retry timing", () => {
  it("reads Retry-After as seconds, as a date and as retry-after-ms", () => {
    expect(parseRetryAfter(new Headers({ "retry-after": "2" }))).toBe(2000);
    expect(parseRetryAfter(new Headers({ "retry-after-ms": "150" }))).toBe(150);
    expect(parseRetryAfter(new Headers({ "retry-after": new Date(10_000).toUTCString() }), 4_000)).toBe(6000);
    expect(parseRetryAfter(new Headers())).toBeUndefined();
  });

  it("backs off exponentially from retryDelayMs with bounded jitter", () => {
    const policy = { retryAttempts: 3, retryDelayMs: 100 };
    expect([0, 1, 2].map((index) => backoffDelay(index, policy, () => 0))).toEqual([100, 200, 400]);
    expect(backoffDelay(0, policy, () => 1)).toBe(125);
  });
});

describe("stream assembly", () => {
  it("joins tool-call deltas by index, in index order, and says tool_calls", () => {
    const assembler = new StreamAssembler("test");
    assembler.push({ type: "tool_call", index: 1, id: "b", name: "two", argumentsDelta: '{"x"' });
    assembler.push({ type: "tool_call", index: 0, id: "a", name: "one", argumentsDelta: "" });
    assembler.push({ type: "tool_call", index: 1, argumentsDelta: ": 1}" });
    assembler.push({ type: "finish", finishReason: "stop" });
    const response = assembler.toResponse("m", 1);
    expect(response.toolCalls).toEqual([{ id: "a", name: "one", arguments: {} }, { id: "b", name: "two", arguments: { x: 1 } }]);
    expect(response.finishReason).toBe("tool_calls");
  });

  it("flags tool arguments that are not JSON, or JSON that is not an object, instead of throwing", () => {
    const assembler = new StreamAssembler("test");
    assembler.push({ type: "tool_call", index: 0, id: "a", name: "one", argumentsDelta: "{oops" });
    assembler.push({ type: "tool_call", index: 1, id: "b", name: "two", argumentsDelta: '["x"]' });
    assembler.push({ type: "tool_call", index: 2, id: "c", name: "three", argumentsDelta: '"just text"' });
    const [one, two, three] = assembler.toResponse("m", 1).toolCalls;
    expect(one).toMatchObject({ name: "one", arguments: {}, argumentsError: expect.stringMatching(/"one" are not valid JSON/) });
    expect(two).toMatchObject({ name: "two", arguments: {}, argumentsError: expect.stringMatching(/must be a JSON object, not an array/) });
    expect(three).toMatchObject({ name: "three", arguments: {}, argumentsError: expect.stringMatching(/not a string/) });
  });

  it("keeps reasoning text apart from the answer", () => {
    const assembler = new StreamAssembler("test");
    expect(assembler.push({ type: "reasoning", delta: "thinking" })).toEqual({ type: "reasoning", delta: "thinking" });
    assembler.push({ type: "finish", finishReason: "length" });
    expect(assembler.toResponse("m", 1)).toMatchObject({ content: "", reasoning: "thinking", finishReason: "length" });
  });
});

describe("isConnectionRefused", () => {
  const wrapped = (code: string) => new Error("Connection error.", { cause: new TypeError("fetch failed", { cause: Object.assign(new Error(code), { code }) }) });

  it("finds a refused connection or an unknown host however deep the SDK wrapped it, and not a reset", () => {
    expect(isConnectionRefused(wrapped("ECONNREFUSED"))).toBe(true);
    expect(isConnectionRefused(wrapped("ENOTFOUND"))).toBe(true);
    expect(isConnectionRefused(new TypeError("fetch failed", { cause: new AggregateError([Object.assign(new Error("x"), { code: "ECONNREFUSED" })]) }))).toBe(true);
    expect(isConnectionRefused(wrapped("ECONNRESET"))).toBe(false);
  });
});

describe("small helpers", () => {
  it("removes API keys from text", () => {
    expect(redactSecrets("bad key sk-proj-abcdefghijkl and mine", [])).toBe("bad key [redacted] and mine");
    expect(redactSecrets("key=custom-secret-value", ["custom-secret-value"])).toBe("key=[redacted]");
  });

  it("strips a Markdown fence around JSON", () => {
    expect(cleanJsonContent('```json\n{"a":1}\n```')).toBe('{"a":1}');
    expect(cleanJsonContent(' {"a":1} ')).toBe('{"a":1}');
  });

  it("prefills only Claude models older than 4.6", () => {
    expect(acceptsPrefill("claude-sonnet-4-5")).toBe(true);
    expect(acceptsPrefill("claude-3-5-haiku-latest")).toBe(true);
    expect(acceptsPrefill("claude-sonnet-4-20250514")).toBe(true);
    expect(acceptsPrefill("claude-opus-4-6")).toBe(false);
    expect(acceptsPrefill("claude-sonnet-5-5")).toBe(false);
  });

  it("reads OLLAMA_HOST in its usual forms", () => {
    expect(normalizeOllamaHost("localhost")).toBe("http://localhost:11434");
    expect(normalizeOllamaHost(":1234")).toBe("http://127.0.0.1:1234");
    expect(normalizeOllamaHost("0.0.0.0:11434")).toBe("http://127.0.0.1:11434");
    expect(normalizeOllamaHost("https://ollama.example.com")).toBe("https://ollama.example.com");
  });
});

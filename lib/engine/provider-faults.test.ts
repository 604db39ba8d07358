// Field faults through the engine, with the real SDKs against the local wire-format servers: what a run reports
// when a model's answer is empty or cut off, when it gets tool arguments wrong, when its server is down, and
// whether every setting a model node shows reaches the provider.
import { createServer } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createGraphBuilder } from "@/lib/flow/graph-builder";
import { ProviderRouter } from "@/lib/llm/router/provider-router";
import { environmentFor } from "@/testing/llm-harness";
import { planOf, recordEvents } from "@/testing/engine-harness";
import { startOllamaServer } from "@/testing/servers/ollama";
import { startOpenAIServer } from "@/testing/servers/openai";
import type { ScriptedServer } from "@/testing/servers/scripted-server";
import { execute } from "./execute";
import { createProviderResolver } from "./providers";

const resolverFor = (env: Record<string, string>) =>
  createProviderResolver({ env, createProvider: (name, overrides) => new ProviderRouter({ env }).getProvider(name as "ollama", { retryDelayMs: 5, ...overrides }) });

const llmFlow = (provider: string, config: Record<string, unknown> = {}) =>
  createGraphBuilder()
    .node("in", "input")
    .node("model", provider, config)
    .node("llm", "llm")
    .node("out", "output")
    .edge("model.model", "llm.model")
    .edge("in.text", "llm.prompt")
    .edge("llm.text", "out.value");

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

describe("engine: answers that end badly", () => {
  let ollama: ScriptedServer;
  beforeAll(async () => void (ollama = await startOllamaServer()));
  afterAll(() => ollama.close());
  beforeEach(() => ollama.reset());

  it("warns, on the node and the run, about an answer that is only reasoning and hit the token limit", async () => {
    ollama.enqueue({ reasoning: ["Hmm, ", "Oslo in winter..."], finishReason: "length" });
    const recorder = recordEvents();
    const result = await execute(planOf(llmFlow("provider.ollama")), { input: "Weather?", providers: resolverFor(environmentFor("ollama", ollama)), onEvent: recorder.onEvent });
    expect(result.status).toBe("completed");
    expect(result.warnings.map((warning) => `${warning.nodeId}:${warning.code}`)).toEqual(["llm:empty_answer", "llm:cut_off"]);
    const completed = recorder.of("node.completed", "llm")[0];
    expect(completed).toMatchObject({ finishReason: "length", reasoning: "Hmm, Oslo in winter...", outputs: { text: "" } });
    expect(recorder.of("node.reasoning", "llm").map((event) => (event as { text: string }).text).join("")).toBe("Hmm, Oslo in winter...");
    expect(recorder.of("node.delta", "llm")).toEqual([]);
    expect(recorder.of("run.completed")[0]).toMatchObject({ warnings: result.warnings });
  });

  it("warns about an empty answer that stopped normally, and not about a complete one", async () => {
    ollama.enqueue({ text: [] }, { text: "Cold." });
    const providers = resolverFor(environmentFor("ollama", ollama));
    const empty = await execute(planOf(llmFlow("provider.ollama")), { input: "Weather?", providers });
    expect(empty.warnings).toMatchObject([{ nodeId: "llm", code: "empty_answer" }]);
    const fine = await execute(planOf(llmFlow("provider.ollama")), { input: "Weather?", providers });
    expect(fine.warnings).toEqual([]);
  });
});

describe("engine: provider failures keep their kind", () => {
  it("reports an unreachable Ollama as unavailable with its hint, at once, without retrying", async () => {
    const recorder = recordEvents();
    const providers = resolverFor({ OLLAMA_HOST: await closedPortUrl() });
    const result = await execute(planOf(llmFlow("provider.ollama")), { input: "hi", providers, onEvent: recorder.onEvent });
    expect(result.status).toBe("failed");
    expect(result.error).toMatchObject({ code: "provider_unavailable", errorKind: "unavailable", nodeId: "llm", hint: expect.stringContaining("ollama serve") });
    expect(result.error!.message).toContain("Ollama is not reachable");
    expect(result.error!.message).not.toContain("attempts");
    expect(recorder.of("node.failed", "llm")[0]).toMatchObject({ code: "provider_unavailable", errorKind: "unavailable" });
    expect(recorder.of("run.failed")[0]).toMatchObject({ errorKind: "unavailable", hint: expect.stringContaining("ollama serve") });
  });

  it.each([
    [401, "auth"],
    [429, "rate_limited"],
    [400, "bad_request"],
    [404, "not_found"],
  ] as const)("reports HTTP %i as %s", async (status, kind) => {
    const openai = await startOpenAIServer();
    try {
      openai.setDefault({ error: { status, headers: { "retry-after": "0" } } });
      const result = await execute(planOf(llmFlow("provider.openai", { retryAttempts: 0 })), { input: "hi", providers: resolverFor({ ...environmentFor("openai", openai) }) });
      expect(result.error).toMatchObject({ code: `provider_${kind}`, errorKind: kind });
    } finally {
      await openai.close();
    }
  });
});

describe("engine: model node settings", () => {
  let openai: ScriptedServer;
  beforeAll(async () => void (openai = await startOpenAIServer()));
  afterAll(() => openai.close());
  beforeEach(() => openai.reset());

  it.each(["o4-mini", "gpt-5-mini"])("runs %s with the node's default settings", async (model) => {
    const result = await execute(planOf(llmFlow("provider.openai", { model })), { input: "hi", providers: resolverFor(environmentFor("openai", openai)) });
    expect(result.status).toBe("completed");
    expect(openai.requests[0]!.body).not.toHaveProperty("temperature");
  });

  it("honours retryAttempts 0 on a model node: one request, no retries", async () => {
    openai.setDefault({ error: { status: 503 } });
    try {
      const result = await execute(planOf(llmFlow("provider.openai", { retryAttempts: 0 })), { input: "hi", providers: resolverFor(environmentFor("openai", openai)) });
      expect(result.error).toMatchObject({ errorKind: "unavailable" });
      expect(openai.requests).toHaveLength(1);
    } finally {
      openai.setDefault({ text: "Hello from the local OpenAI test server." });
    }
  });
});

describe("engine: tool calls the model gets wrong", () => {
  let openai: ScriptedServer;
  beforeAll(async () => void (openai = await startOpenAIServer()));
  afterAll(() => openai.close());

  it("hands arguments that are not JSON, or not an object, back to the model as tool errors", async () => {
    openai.enqueue(
      { toolCalls: [{ id: "c1", name: "calculator", arguments: {}, rawArguments: '{"expression": "6 *' }, { id: "c2", name: "calculator", arguments: {}, rawArguments: '"6 * 7"' }] },
      { toolCalls: [{ id: "c3", name: "calculator", arguments: { expression: "6 * 7" } }] },
      { text: "It is 42." },
    );
    const flow = createGraphBuilder()
      .node("in", "input")
      .node("model", "provider.openai")
      .node("calc", "tool.calculator")
      .node("agent", "agent", { name: "solver" })
      .node("out", "output")
      .edge("model.model", "agent.model")
      .edge("calc.tool", "agent.tools")
      .edge("in.text", "agent.input")
      .edge("agent.text", "out.value");
    const recorder = recordEvents();
    const result = await execute(planOf(flow), { input: "6 times 7?", providers: resolverFor(environmentFor("openai", openai)), onEvent: recorder.onEvent });
    expect(result).toMatchObject({ status: "completed", output: "It is 42." });
    const results = recorder.of("node.tool_result", "agent") as Array<{ callId: string; isError: boolean; result: string }>;
    expect(results.map((event) => [event.callId, event.isError])).toEqual([["c1", true], ["c2", true], ["c3", false]]);
    expect(results[0]!.result).toMatch(/not valid JSON.*did not run/);
    expect(results[1]!.result).toMatch(/must be a JSON object, not a string/);
    const toolMessages = openai.requests[1]!.body.messages.filter((message: { role: string }) => message.role === "tool");
    expect(toolMessages.map((message: { content: string }) => message.content)).toEqual([results[0]!.result, results[1]!.result]);
  });
});

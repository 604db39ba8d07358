// Every model call a node makes is recorded as a `node.model_call` event: the messages exactly as the
// provider received them, the tools offered, the answer, and never a secret.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraphBuilder } from "@/lib/flow/graph-builder";
import { ProviderRouter } from "@/lib/llm";
import { planOf, recordEvents } from "@/testing/engine-harness";
import { createScriptedProvider, systemText, type RecordedCall } from "@/testing/scripted-provider";
import { startOpenAIServer } from "@/testing/servers/openai";
import type { ScriptedServer } from "@/testing/servers/scripted-server";
import type { RunEventOf } from "./events";
import { execute } from "./execute";
import { MODEL_CALL_TEXT_LIMIT } from "./model-call";
import { createProviderResolver } from "./providers";

type ModelCallEvent = RunEventOf<"node.model_call">;

const modelCalls = (recorder: ReturnType<typeof recordEvents>, nodeId: string) => recorder.of("node.model_call", nodeId) as ModelCallEvent[];

const agentFlow = (agentConfig: Record<string, unknown> = {}) =>
  createGraphBuilder()
    .node("in", "input")
    .node("model", "provider.ollama")
    .node("agent", "agent", { name: "solver", instructions: "Solve it.", ...agentConfig })
    .node("calc", "tool.calculator")
    .node("out", "output")
    .edge("model.model", "agent.model")
    .edge("calc.tool", "agent.tools")
    .edge("in.text", "agent.input")
    .edge("agent.text", "out.value");

describe("model calls: what each model saw and said", () => {
  it("records an agent's calls with the messages its provider received, the tool result included", async () => {
    const provider = createScriptedProvider({
      replies: [
        { text: "Let me compute.", toolCalls: [{ name: "calculator", args: { expression: "6 * 7" }, id: "c1" }], usage: { inputTokens: 30, outputTokens: 8 } },
        { text: "It is 42.", usage: { inputTokens: 55, outputTokens: 4 } },
      ],
    });
    const recorder = recordEvents();
    await execute(planOf(agentFlow()), { input: "6 times 7?", providers: provider, onEvent: recorder.onEvent });

    const calls = modelCalls(recorder, "agent");
    expect(calls.map((call) => call.callIndex)).toEqual([1, 2]);
    expect(calls.map((call) => call.messages)).toEqual(provider.calls.map((call: RecordedCall) => call.messages));
    expect(calls[1]!.messages.at(-1)).toEqual({ role: "tool", toolCallId: "c1", name: "calculator", content: JSON.stringify({ expression: "6 * 7", result: 42 }, null, 2) });
    expect(calls[0]!.tools).toEqual(provider.calls[0]!.tools.map((tool) => ({ name: tool.name, description: tool.description })));
    expect(calls[0]).toMatchObject({
      provider: "scripted",
      model: "scripted-model",
      answer: { text: "Let me compute.", toolCalls: [{ id: "c1", name: "calculator", arguments: { expression: "6 * 7" } }] },
      finishReason: "tool_calls",
      usage: { inputTokens: 30, outputTokens: 8 },
    });
    expect(calls[1]).toMatchObject({ answer: { text: "It is 42.", toolCalls: [] }, finishReason: "stop", usage: { inputTokens: 55, outputTokens: 4 } });
    for (const call of calls) {
      expect(call.ttftMs).toBeGreaterThanOrEqual(0);
      expect(call.durationMs).toBeGreaterThanOrEqual(call.ttftMs!);
    }
    // Each call is recorded once it has answered, before the tools it asked for run.
    expect(recorder.indexOf("node.model_call", "agent")).toBeLessThan(recorder.indexOf("node.tool_call", "agent"));
  });

  it("records an llm node's system prompt and user message, and a delegated specialist's calls on the specialist", async () => {
    const provider = createScriptedProvider({
      respond: (call) => (systemText(call).includes("You are lead") && !call.messages.some((message) => message.role === "tool") ? { toolCalls: [{ name: "researcher", args: { task: "find facts" } }] } : "done"),
    });
    const builder = createGraphBuilder()
      .node("in", "input")
      .node("model", "provider.ollama")
      .node("llm", "llm", { system: "Be brief." })
      .node("lead", "agent", { name: "lead", role: "coordinator" })
      .node("researcher", "agent", { name: "researcher", instructions: "Dig." })
      .node("out", "output")
      .node("out2", "output", { name: "second" })
      .edge("model.model", "llm.model")
      .edge("model.model", "lead.model")
      .edge("model.model", "researcher.model")
      .edge("in.text", "llm.prompt")
      .edge("in.text", "lead.input")
      .edge("researcher.agent", "lead.tools")
      .edge("llm.text", "out.value")
      .edge("lead.text", "out2.value");
    const recorder = recordEvents();
    await execute(planOf(builder), { input: "What is new?", providers: provider, onEvent: recorder.onEvent });

    expect(modelCalls(recorder, "llm").map((call) => call.messages)).toEqual([
      [
        { role: "system", content: "Be brief." },
        { role: "user", content: "What is new?" },
      ],
    ]);
    const specialist = modelCalls(recorder, "researcher");
    expect(specialist).toHaveLength(1);
    expect(specialist[0]!.messages.at(-1)).toEqual({ role: "user", content: "find facts" });
    expect(modelCalls(recorder, "lead").map((call) => call.callIndex)).toEqual([1, 2]);
  });

  it("records a team's calls on the member agent that made each, with a supervisor's verdict tools offered", async () => {
    const provider = createScriptedProvider({
      respond: (call) => (systemText(call).includes("You are reviewer") ? { toolCalls: [{ name: "approve", args: { feedback: "fine" } }] } : "a draft"),
    });
    const builder = createGraphBuilder()
      .node("in", "input")
      .node("model", "provider.ollama")
      .node("team", "team", { pattern: "SUPERVISOR" })
      .node("writer", "agent", { name: "writer", role: "worker" }, { x: 0, y: 0 })
      .node("reviewer", "agent", { name: "reviewer", role: "supervisor" }, { x: 0, y: 100 })
      .node("out", "output")
      .edge("model.model", "writer.model")
      .edge("model.model", "reviewer.model")
      .edge("writer.agent", "team.agents")
      .edge("reviewer.agent", "team.agents")
      .edge("in.text", "team.input")
      .edge("team.text", "out.value");
    const recorder = recordEvents();
    const result = await execute(planOf(builder), { input: "Write a haiku", providers: provider, onEvent: recorder.onEvent });

    expect(result.status).toBe("completed");
    expect(modelCalls(recorder, "team")).toEqual([]);
    expect(modelCalls(recorder, "writer").map((call) => call.answer?.text)).toEqual(["a draft"]);
    const [review] = modelCalls(recorder, "reviewer");
    expect(review!.tools.map((tool) => tool.name)).toEqual(expect.arrayContaining(["approve", "request_changes"]));
    expect(review!.answer?.toolCalls.map((call) => call.name)).toEqual(["approve"]);
    expect(provider.calls.map((call) => call.messages)).toEqual([...modelCalls(recorder, "writer"), review].map((call) => call!.messages));
  });

  it("cuts a very long message and says how many characters were cut", async () => {
    const provider = createScriptedProvider({ replies: ["ok"] });
    const recorder = recordEvents();
    const input = "x".repeat(MODEL_CALL_TEXT_LIMIT + 5_000);
    await execute(planOf(agentFlow({ instructions: "" })), { input, providers: provider, onEvent: recorder.onEvent });
    const user = modelCalls(recorder, "agent")[0]!.messages.find((message) => message.role === "user")!;
    expect(user.content).toBe(`${"x".repeat(MODEL_CALL_TEXT_LIMIT)}\n[5,000 characters cut]`);
    expect(provider.calls[0]!.messages.at(-1)!.content).toHaveLength(MODEL_CALL_TEXT_LIMIT + 5_000);
  });

  it("records a call that failed, with what was sent and why it failed", async () => {
    const provider = createScriptedProvider({ replies: [{ error: "model exploded" }] });
    const recorder = recordEvents();
    await execute(planOf(agentFlow()), { input: "hi", providers: provider, onEvent: recorder.onEvent });
    const [call] = modelCalls(recorder, "agent");
    expect(call).toMatchObject({ callIndex: 1, error: "model exploded", messages: provider.calls[0]!.messages });
    expect(call!.answer).toBeUndefined();
  });
});

describe("model calls: secrets", () => {
  const secret = "sk-stored-credential-5678-do-not-show";
  let server: ScriptedServer;
  beforeAll(async () => {
    server = await startOpenAIServer({ apiKey: secret });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("never carry the credential a model node's key came from, though the provider sent it", async () => {
    server.enqueue({ text: "Hello there", usage: { inputTokens: 12, outputTokens: 2 } });
    const env = { OPENAI_API_KEY: "sk-env-key-1234-do-not-show", OSMEN_HTTP_ALLOWLIST: "127.0.0.1" };
    const router = new ProviderRouter({ env });
    const providers = createProviderResolver({
      env,
      createProvider: (name, overrides) => router.getProvider(name, { ...overrides, retryAttempts: 0 }),
      resolveCredential: async () => ({ kind: "openai", endpoint: server.url, secret }),
    });
    const builder = createGraphBuilder()
      .node("in", "input")
      .node("model", "provider.openai", { model: "gpt-4o-mini", credentialId: "c1" })
      .node("llm", "llm", { system: "Greet." })
      .node("out", "output")
      .edge("model.model", "llm.model")
      .edge("in.text", "llm.prompt")
      .edge("llm.text", "out.value");
    const recorder = recordEvents();
    const result = await execute(planOf(builder), { input: "hi", providers, onEvent: recorder.onEvent });

    expect(result.status).toBe("completed");
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${secret}`);
    const [call] = modelCalls(recorder, "llm");
    expect(call).toMatchObject({ provider: "openai", model: "gpt-4o-mini", answer: { text: "Hello there" }, usage: { inputTokens: 12, outputTokens: 2 } });
    const stored = JSON.stringify(recorder.events);
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain("sk-env-key-1234");
    expect(stored).not.toMatch(/authorization|bearer|apiKey/i);
  });
});

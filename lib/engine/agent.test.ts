import { describe, expect, it } from "vitest";
import { createGraphBuilder } from "@/lib/flow/graph-builder";
import type { HttpRequest } from "@/lib/tools/http-request";
import { createScriptedProvider, lastUserText, systemText, type RecordedCall, type ScriptedReply } from "@/testing/scripted-provider";
import { execute } from "./execute";
import { foldRunEvents } from "./run-state";
import { planOf, recordEvents } from "@/testing/engine-harness";
import { createBarrier } from "@/testing/latches";

const agentFlow = (tools: Array<[string, string, Record<string, unknown>]>, agentConfig: Record<string, unknown> = {}) => {
  const builder = createGraphBuilder()
    .node("in", "input")
    .node("model", "provider.ollama")
    .node("agent", "agent", { name: "solver", instructions: "Solve it.", ...agentConfig })
    .node("out", "output")
    .edge("model.model", "agent.model")
    .edge("in.text", "agent.input")
    .edge("agent.text", "out.value");
  for (const [id, type, config] of tools) builder.node(id, type, config).edge(`${id}.tool`, "agent.tools");
  return builder;
};

const toolMessages = (call: RecordedCall) => call.messages.filter((message) => message.role === "tool");

describe("agent: the tool-calling loop", () => {
  it("calls a tool, feeds the result back, and answers", async () => {
    const provider = createScriptedProvider({
      replies: [{ text: "Let me compute.", toolCalls: [{ name: "calculator", args: { expression: "6 * 7" }, id: "c1" }] }, "It is 42."],
    });
    const recorder = recordEvents();
    const result = await execute(planOf(agentFlow([["calc", "tool.calculator", {}]])), { input: "6 times 7?", providers: provider, onEvent: recorder.onEvent });
    expect(result.output).toBe("It is 42.");
    expect(provider.calls[0]!.tools.map((tool) => tool.name)).toEqual(["calculator"]);
    expect(systemText(provider.calls[0]!)).toContain("You are solver");
    expect(toolMessages(provider.calls[1]!)).toEqual([{ role: "tool", toolCallId: "c1", name: "calculator", content: JSON.stringify({ expression: "6 * 7", result: 42 }, null, 2) }]);
    expect(recorder.of("node.tool_call", "agent")[0]).toMatchObject({ callId: "c1", name: "calculator", args: { expression: "6 * 7" } });
    expect(recorder.of("node.tool_result", "agent")[0]).toMatchObject({ callId: "c1", isError: false });
    expect(recorder.of("node.started", "calc")).toEqual([]);
  });

  it("reports a tool's error back to the model instead of failing the run", async () => {
    const provider = createScriptedProvider({
      replies: [{ toolCalls: [{ name: "calculator", args: { expression: "1/0" } }, { name: "no_such_tool" }] }, "Division by zero is undefined."],
    });
    const recorder = recordEvents();
    const result = await execute(planOf(agentFlow([["calc", "tool.calculator", {}]])), { input: "1/0?", providers: provider, onEvent: recorder.onEvent });
    expect(result.status).toBe("completed");
    const [division, unknown] = toolMessages(provider.calls[1]!);
    expect(division!.content).toMatch(/^Error: .*finite number/);
    expect(unknown!.content).toContain('no tool named "no_such_tool"');
    expect(recorder.of("node.tool_result", "agent").map((event) => (event as { isError: boolean }).isError)).toEqual([true, true]);
  });

  it("runs the tool calls of one step concurrently", async () => {
    let inFlight = 0;
    let mostInFlight = 0;
    // No request answers until all three are in flight: one at a time would never get past the first.
    const barrier = createBarrier(3);
    const http = async (request: HttpRequest) => {
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      await barrier.arrive();
      inFlight -= 1;
      return { status: 200, headers: {}, body: `page ${request.url}`, url: request.url, truncated: false, redirects: 0 };
    };
    const provider = createScriptedProvider({
      replies: [{ toolCalls: [1, 2, 3].map((index) => ({ name: "http_request", args: { url: `https://example.com/${index}` } })) }, "done"],
    });
    const result = await execute(planOf(agentFlow([["web", "tool.http", {}]])), { input: "fetch", providers: provider, http });
    expect(result.status).toBe("completed");
    expect(mostInFlight).toBe(3);
    expect(toolMessages(provider.calls[1]!).map((message) => JSON.parse(message.content).body)).toEqual([1, 2, 3].map((index) => `page https://example.com/${index}`));
  });

  it("stops after maxSteps model calls", async () => {
    const provider = createScriptedProvider({ respond: () => ({ text: "thinking", toolCalls: [{ name: "calculator", args: { expression: "1" } }] }) });
    const result = await execute(planOf(agentFlow([["calc", "tool.calculator", {}]], { maxSteps: 3 })), { input: "loop", providers: provider });
    expect(provider.calls).toHaveLength(3);
    expect(result.output).toBe("thinking");
  });

  it("delegates to specialists wired into its tools (HIERARCHICAL), concurrently", async () => {
    const specialists = createBarrier(2); // neither answers until both are working
    const respond = (call: RecordedCall): ScriptedReply | string => {
      if (systemText(call).includes("You are lead")) {
        return call.messages.some((message) => message.role === "tool")
          ? `Summary: ${toolMessages(call).map((message) => message.content).join(" + ")}`
          : { toolCalls: [{ name: "researcher", args: { task: "find facts" } }, { name: "analyst", args: { task: "crunch numbers" } }] };
      }
      return { text: `${systemText(call).includes("researcher") ? "facts" : "numbers"} for ${lastUserText(call)}`, until: specialists.arrive() };
    };
    const provider = createScriptedProvider({ respond });
    const builder = agentFlow([], { name: "lead", role: "coordinator" })
      .node("researcher", "agent", { name: "researcher", capabilities: ["search"] })
      .node("analyst", "agent", { name: "analyst" })
      .edge("model.model", "researcher.model")
      .edge("model.model", "analyst.model")
      .edge("researcher.agent", "agent.tools")
      .edge("analyst.agent", "agent.tools");
    const recorder = recordEvents();
    const plan = planOf(builder);
    expect(plan.summary.patterns).toEqual({ agent: "HIERARCHICAL" });
    const result = await execute(plan, { input: "AI trends", providers: provider, onEvent: recorder.onEvent });
    expect(result.output).toBe("Summary: facts for find facts + numbers for crunch numbers");
    expect(provider.calls[0]!.tools.map((tool) => tool.name)).toEqual(["researcher", "analyst"]);
    expect(provider.calls[0]!.tools[0]!.description).toContain("search");
    const bothStarted = Math.max(recorder.indexOf("node.started", "researcher"), recorder.indexOf("node.started", "analyst"));
    const firstDone = Math.min(recorder.indexOf("node.completed", "researcher"), recorder.indexOf("node.completed", "analyst"));
    expect(bothStarted).toBeLessThan(firstDone);
    expect(recorder.of("node.started", "researcher")[0]).toMatchObject({ parentNodeId: "agent", input: "find facts", kind: "agent" });
    // Each delegation counts as a use of the specialist, as a tool of its coordinator.
    expect(foldRunEvents(recorder.events).nodes.researcher).toMatchObject({ status: "succeeded", uses: { as: "tool", count: 1, by: ["agent"] } });
  });

  it("delegates to agents with free-text display names through derived, unique tool names", async () => {
    const respond = (call: RecordedCall): ScriptedReply | string => {
      if (systemText(call).includes("You are Lead writer,")) {
        return call.messages.some((message) => message.role === "tool")
          ? `Done: ${toolMessages(call).map((message) => message.content).join(" + ")}`
          : { toolCalls: [{ name: "Research_agent", args: { task: "a" } }, { name: "Research_agent_2", args: { task: "b" } }] };
      }
      return `${/You are ([^,]+),/.exec(systemText(call))![1]} did ${lastUserText(call)}`;
    };
    const provider = createScriptedProvider({ respond });
    const builder = agentFlow([], { name: "Lead writer", role: "coordinator" })
      .node("first", "agent", { name: "Research agent" })
      .node("second", "agent", { name: "Research agent!" })
      .edge("model.model", "first.model")
      .edge("model.model", "second.model")
      .edge("first.agent", "agent.tools")
      .edge("second.agent", "agent.tools");
    const result = await execute(planOf(builder), { input: "topic", providers: provider });
    expect(provider.calls[0]!.tools.map((tool) => tool.name)).toEqual(["Research_agent", "Research_agent_2"]);
    expect(provider.calls[0]!.tools[0]!.description).toContain("Research agent");
    expect(result).toMatchObject({ status: "completed", output: "Done: Research agent did a + Research agent! did b" });
  });

  it("offers a tool node under a name made from its free-text tool name", async () => {
    const provider = createScriptedProvider({
      replies: [{ toolCalls: [{ name: "Quick_maths", args: { expression: "2 * 3" } }] }, "six"],
    });
    const result = await execute(planOf(agentFlow([["calc", "tool.calculator", { toolName: "Quick maths" }]])), { input: "q", providers: provider });
    expect(provider.calls[0]!.tools.map((tool) => tool.name)).toEqual(["Quick_maths"]);
    expect(toolMessages(provider.calls[1]!)[0]!.content).toContain("6");
    expect(result.output).toBe("six");
  });
});

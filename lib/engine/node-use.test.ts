import { describe, expect, it, vi } from "vitest";
import { createGraphBuilder } from "@/lib/flow/graph-builder";
import { createScriptedProvider } from "@/testing/scripted-provider";
import { planOf, recordEvents } from "@/testing/engine-harness";
import { createGate } from "@/testing/latches";
import { execute } from "./execute";
import { foldRunEvents } from "./run-state";

const agentWithCalculator = () =>
  createGraphBuilder()
    .node("in", "input")
    .node("model", "provider.ollama")
    .node("calc", "tool.calculator")
    .node("clock", "tool.datetime")
    .node("agent", "agent", { name: "solver", instructions: "Solve it." })
    .node("out", "output")
    .edge("model.model", "agent.model")
    .edge("calc.tool", "agent.tools")
    .edge("clock.tool", "agent.tools")
    .edge("in.text", "agent.input")
    .edge("agent.text", "out.value");

describe("nodes used as a model or a tool", () => {
  it("report each model call and tool call, and read succeeded with their counts after a successful run", async () => {
    const provider = createScriptedProvider({
      replies: [{ text: "", toolCalls: [{ name: "calculator", args: { expression: "2 + 2" }, id: "c1" }] }, "It is 4."],
    });
    const recorder = recordEvents();
    const result = await execute(planOf(agentWithCalculator()), { input: "2+2?", providers: provider, onEvent: recorder.onEvent });
    expect(result.status).toBe("completed");
    expect(recorder.of("node.used", "model").map((event) => ({ ...event, seq: 0, at: "" }))).toEqual([
      { runId: result.runId, seq: 0, at: "", type: "node.used", nodeId: "model", usedBy: "agent", as: "model" },
      { runId: result.runId, seq: 0, at: "", type: "node.used", nodeId: "model", usedBy: "agent", as: "model" },
    ]);
    expect(recorder.of("node.used", "calc")).toMatchObject([{ usedBy: "agent", as: "tool" }]);

    const state = foldRunEvents(recorder.events);
    expect(state.nodes.model).toMatchObject({ status: "succeeded", uses: { as: "model", count: 2, by: ["agent"] } });
    expect(state.nodes.calc).toMatchObject({ status: "succeeded", uses: { as: "tool", count: 1, by: ["agent"] } });
    // The clock was offered but never called: it did not run, and nothing was cancelled.
    expect(state.nodes.clock).toMatchObject({ status: "skipped", error: { code: "not_run", message: "Not used in this run." } });
    expect(Object.values(state.nodes).map((node) => node.status)).not.toContain("cancelled");
  });

  it("after Stop, the model in use and its user read cancelled", async () => {
    const provider = createScriptedProvider({ respond: () => ({ text: "never", until: createGate().promise }) });
    const controller = new AbortController();
    const recorder = recordEvents();
    const running = execute(planOf(agentWithCalculator()), { input: "x", providers: provider, signal: controller.signal, onEvent: recorder.onEvent });
    await vi.waitFor(() => expect(provider.calls).toHaveLength(1));
    controller.abort();
    expect((await running).status).toBe("cancelled");
    const state = foldRunEvents(recorder.events);
    expect(state.status).toBe("cancelled");
    expect(state.nodes.agent?.status).toBe("cancelled");
    expect(state.nodes.model).toMatchObject({ status: "cancelled", uses: { count: 1 } });
    expect(state.nodes.out?.status).toBe("cancelled");
    expect(state.nodes.in?.status).toBe("succeeded");
  });
});

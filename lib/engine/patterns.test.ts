import { describe, expect, it } from "vitest";
import { createGraphBuilder } from "@/lib/flow/graph-builder";
import type { OrchestrationPattern } from "@/lib/flow/run-context";
import { createScriptedProvider, lastUserText, systemText, type RecordedCall, type ScriptedReply } from "@/testing/scripted-provider";
import { execute } from "./execute";
import { planOf, recordEvents } from "@/testing/engine-harness";
import { createBarrier } from "@/testing/latches";

type Member = { id: string; role?: string };

const team = (pattern: OrchestrationPattern, members: Member[], maxRounds = 3) => {
  const builder = createGraphBuilder()
    .node("in", "input")
    .node("model", "provider.ollama")
    .node("team", "team", { pattern, maxRounds })
    .node("out", "output")
    .edge("in.text", "team.input")
    .edge("team.text", "out.value");
  members.forEach((member, index) => {
    builder.node(member.id, "agent", { name: member.id, role: member.role ?? "specialist" }, { x: 0, y: index * 100 }).edge("model.model", `${member.id}.model`).edge(`${member.id}.agent`, "team.agents");
  });
  return builder;
};

const agentName = (call: RecordedCall) => /You are (\S+),/.exec(systemText(call))?.[1] ?? "?";
const lifecycle = (events: ReturnType<typeof recordEvents>["events"]) =>
  events.filter((event) => event.type === "node.started" || event.type === "node.completed").map((event) => `${event.type.slice(5)}:${(event as { nodeId: string }).nodeId}`);

describe("team patterns", () => {
  it("SEQUENTIAL passes each agent's output to the next, strictly in order", async () => {
    const provider = createScriptedProvider({ respond: (call) => `${lastUserText(call)} > ${agentName(call)}` });
    const recorder = recordEvents();
    const result = await execute(planOf(team("SEQUENTIAL", [{ id: "a" }, { id: "b" }, { id: "c" }])), { input: "start", providers: provider, onEvent: recorder.onEvent });
    expect(result.output).toBe("start > a > b > c");
    expect(lifecycle(recorder.events).filter((entry) => /:(a|b|c)$/.test(entry))).toEqual(["started:a", "completed:a", "started:b", "completed:b", "started:c", "completed:c"]);
    expect(recorder.of("node.started", "b")[0]).toMatchObject({ parentNodeId: "team", input: "start > a" });
  });

  it("PARALLEL runs all agents at once on the same input and joins their outputs by name", async () => {
    const all = createBarrier(3); // no agent answers until all three are working
    const provider = createScriptedProvider({ respond: (call) => ({ text: `${agentName(call)} on ${lastUserText(call)}`, until: all.arrive() }) });
    const recorder = recordEvents();
    const result = await execute(planOf(team("PARALLEL", [{ id: "x" }, { id: "y" }, { id: "z" }])), { input: "q", providers: provider, onEvent: recorder.onEvent });
    expect(result.output).toBe("## x\n\nx on q\n\n## y\n\ny on q\n\n## z\n\nz on q");
    const lastStart = Math.max(...["x", "y", "z"].map((id) => recorder.indexOf("node.started", id)));
    const firstEnd = Math.min(...["x", "y", "z"].map((id) => recorder.indexOf("node.completed", id)));
    expect(lastStart).toBeLessThan(firstEnd);
  });

  it("HIERARCHICAL: the coordinator delegates to specialists concurrently and loops until it answers", async () => {
    let coordinatorCalls = 0;
    const firstRound = createBarrier(2); // the two delegated parts answer only once both are being worked on
    const respond = (call: RecordedCall): ScriptedReply | string => {
      if (agentName(call) !== "boss") {
        const isFirstRound = lastUserText(call).startsWith("part");
        return { text: `${agentName(call)} did ${lastUserText(call)}`, ...(isFirstRound ? { until: firstRound.arrive() } : {}) };
      }
      coordinatorCalls += 1;
      if (coordinatorCalls === 1) return { toolCalls: [{ name: "r1", args: { task: "part one" } }, { name: "r2", args: { task: "part two" } }] };
      if (coordinatorCalls === 2) return { toolCalls: [{ name: "r1", args: { task: "follow-up" } }] };
      return `final: ${call.messages.filter((message) => message.role === "tool").map((message) => message.content).join("; ")}`;
    };
    const provider = createScriptedProvider({ respond });
    const recorder = recordEvents();
    const members = [{ id: "r1" }, { id: "boss", role: "coordinator" }, { id: "r2" }];
    const result = await execute(planOf(team("HIERARCHICAL", members, 5)), { input: "big job", providers: provider, onEvent: recorder.onEvent });
    expect(result.output).toBe("final: r1 did part one; r2 did part two; r1 did follow-up");
    const bossCall = provider.calls.find((call) => agentName(call) === "boss")!;
    expect(bossCall.tools.map((tool) => tool.name)).toEqual(["r1", "r2"]);
    expect(bossCall.tools[0]!.parameters).toMatchObject({ properties: { task: { type: "string" } } });
    const starts = recorder.events.map((event, index) => [event, index] as const).filter(([event]) => event.type === "node.started" && ["r1", "r2"].includes((event as { nodeId: string }).nodeId));
    const firstDone = Math.min(recorder.indexOf("node.completed", "r1"), recorder.indexOf("node.completed", "r2"));
    expect(starts[1]![1]).toBeLessThan(firstDone);
    expect(recorder.of("node.tool_call", "boss")).toHaveLength(3);
  });

  it("HIERARCHICAL stops at maxRounds coordinator steps", async () => {
    const respond = (call: RecordedCall): ScriptedReply | string =>
      agentName(call) === "boss" ? { text: "more", toolCalls: [{ name: "helper", args: { task: "again" } }] } : "ok";
    const provider = createScriptedProvider({ respond });
    const result = await execute(planOf(team("HIERARCHICAL", [{ id: "boss" }, { id: "helper" }], 2)), { input: "go", providers: provider });
    expect(provider.calls.filter((call) => agentName(call) === "boss")).toHaveLength(2);
    expect(result).toMatchObject({ status: "completed", output: "more" });
  });

  it("SUPERVISOR loops on request_changes and stops on approve", async () => {
    let drafts = 0;
    let reviews = 0;
    const respond = (call: RecordedCall): ScriptedReply | string => {
      if (agentName(call) === "writer") return `draft ${++drafts}`;
      reviews += 1;
      return reviews === 1 ? { toolCalls: [{ name: "request_changes", args: { feedback: "add a title" } }] } : { toolCalls: [{ name: "approve" }] };
    };
    const provider = createScriptedProvider({ respond });
    const recorder = recordEvents();
    const members = [{ id: "checker", role: "supervisor" }, { id: "writer", role: "worker" }];
    const result = await execute(planOf(team("SUPERVISOR", members, 5)), { input: "write a memo", providers: provider, onEvent: recorder.onEvent });
    expect(result.output).toBe("draft 2");
    expect(provider.calls.map(agentName)).toEqual(["writer", "checker", "writer", "checker"]);
    expect(lastUserText(provider.calls[2]!)).toContain("add a title");
    expect(lastUserText(provider.calls[2]!)).toContain("draft 1");
    expect(provider.calls[1]!.tools.map((tool) => tool.name)).toEqual(["approve", "request_changes"]);
    expect(lifecycle(recorder.events).filter((entry) => /:(writer|checker)$/.test(entry))).toEqual([
      "started:writer", "completed:writer", "started:checker", "completed:checker",
      "started:writer", "completed:writer", "started:checker", "completed:checker",
    ]);
  });

  it("SUPERVISOR stops at maxRounds, and an answer with neither tool counts as approval", async () => {
    const stubborn = createScriptedProvider({
      respond: (call) => (agentName(call) === "w" ? "draft" : { toolCalls: [{ name: "request_changes", args: { feedback: "no" } }] }),
    });
    const result = await execute(planOf(team("SUPERVISOR", [{ id: "w" }, { id: "s" }], 3)), { input: "x", providers: stubborn });
    expect(stubborn.calls.map(agentName)).toEqual(["w", "s", "w", "s", "w", "s"]);
    expect(result.output).toBe("draft");
    const lenient = createScriptedProvider({ respond: (call) => (agentName(call) === "w" ? "only draft" : "Looks good to me.") });
    const approved = await execute(planOf(team("SUPERVISOR", [{ id: "w" }, { id: "s" }], 3)), { input: "x", providers: lenient });
    expect(lenient.calls).toHaveLength(2);
    expect(approved.output).toBe("only draft");
  });

  it("a failing member fails the team node and the run names it", async () => {
    const provider = createScriptedProvider({ respond: (call) => (agentName(call) === "b" ? { error: "quota exceeded" } : "fine") });
    const recorder = recordEvents();
    const result = await execute(planOf(team("SEQUENTIAL", [{ id: "a" }, { id: "b" }])), { input: "x", providers: provider, onEvent: recorder.onEvent });
    expect(result).toMatchObject({ status: "failed", error: { nodeId: "team" } });
    expect(recorder.of("node.failed", "b")[0]).toMatchObject({ message: "quota exceeded", parentNodeId: "team" });
    expect(recorder.of("node.skipped", "out")).toHaveLength(1);
  });
});

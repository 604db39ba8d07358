import { describe, expect, it } from "vitest";
import { compile } from "./compile";
import { createGraphBuilder, type GraphBuilder } from "./graph-builder";
import { describeStructure } from "./plan-structure";
import type { PlanStructure } from "./plan-summary";

function shape(tree: PlanStructure | null): unknown {
  if (!tree) return null;
  if (tree.kind === "step") return tree.pattern ? `${tree.nodeId}:${tree.pattern}` : tree.nodeId;
  if (tree.kind === "sequence") return { SEQUENTIAL: tree.steps.map(shape) };
  return { PARALLEL: tree.branches.map(shape) };
}

function planOf(builder: GraphBuilder) {
  const { plan, diagnostics } = compile(builder.build());
  expect(diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
  return plan!;
}

const withModel = (builder: GraphBuilder) => builder.node("in", "input").node("model", "provider.ollama").node("out", "output");

describe("plan summary", () => {
  it("a chain is SEQUENTIAL and independent branches are PARALLEL", () => {
    const builder = withModel(createGraphBuilder())
      .node("a", "llm")
      .node("b", "llm")
      .node("b2", "llm")
      .node("join", "prompt", { template: "{{x}} {{y}}" })
      .edge("model.model", "a.model")
      .edge("model.model", "b.model")
      .edge("model.model", "b2.model")
      .edge("in.text", "a.prompt")
      .edge("in.text", "b.prompt")
      .edge("b.text", "b2.prompt")
      .edge("a.text", "join.x")
      .edge("b2.text", "join.y")
      .edge("join.text", "out.value");
    const plan = planOf(builder);
    // The top level is a sequence, but two models answer side by side inside it: the flow reads PARALLEL.
    expect(plan.summary.pattern).toBe("PARALLEL");
    expect(shape(plan.summary.structure)).toEqual({ SEQUENTIAL: ["in", { PARALLEL: ["a", { SEQUENTIAL: ["b", "b2"] }] }, "join", "out"] });
    expect(plan.summary).toMatchObject({ nodeCount: 7, stepCount: 6, inputNodeId: "in", outputNodeIds: ["out"] });
  });

  it("disconnected pipelines are PARALLEL at the top", () => {
    const builder = createGraphBuilder()
      .node("c1", "tool.calculator", { expression: "1+1" })
      .node("o1", "output", { name: "one" })
      .node("c2", "tool.calculator", { expression: "2+2" })
      .node("o2", "output", { name: "two" })
      .edge("c1.data", "o1.value")
      .edge("c2.data", "o2.value");
    const plan = planOf(builder);
    expect(plan.summary.pattern).toBe("PARALLEL");
    expect(shape(plan.summary.structure)).toEqual({ PARALLEL: [{ SEQUENTIAL: ["c1", "o1"] }, { SEQUENTIAL: ["c2", "o2"] }] });
  });

  it("a team step carries its pattern and ordered members; an agent with agent tools is HIERARCHICAL", () => {
    const builder = withModel(createGraphBuilder())
      .node("lead", "agent", { name: "lead", role: "coordinator" }, { x: 0, y: 50 })
      .node("helper", "agent", { name: "helper" }, { x: 0, y: 200 })
      .node("writer", "agent", { name: "writer" }, { x: 0, y: 100 })
      .node("team", "team", { pattern: "SEQUENTIAL" })
      .edge("model.model", "lead.model")
      .edge("model.model", "helper.model")
      .edge("model.model", "writer.model")
      .edge("helper.agent", "lead.tools")
      .edge("writer.agent", "team.agents")
      .edge("lead.agent", "team.agents")
      .edge("in.text", "team.input")
      .edge("team.text", "out.value");
    const plan = planOf(builder);
    expect(shape(plan.summary.structure)).toEqual({ SEQUENTIAL: ["in", "team:SEQUENTIAL", "out"] });
    const team = (plan.summary.structure as { steps: PlanStructure[] }).steps[1]!;
    expect(team).toMatchObject({
      type: "team",
      title: "Team",
      members: [
        { nodeId: "lead", name: "lead", role: "coordinator", specialists: [{ nodeId: "helper", name: "helper" }] },
        { nodeId: "writer", name: "writer" },
      ],
    });
    expect(plan.summary.patterns).toEqual({ team: "SEQUENTIAL", lead: "HIERARCHICAL" });
    expect(plan.nodes.find((node) => node.id === "team")!.inputs.agents!.map((ref) => ref.source)).toEqual(["lead", "writer"]);
  });

  it("a criss-cross with no sequence point falls back to layers", () => {
    const tree = describeStructure(["a", "b", "c", "d"], [
      { source: "a", target: "c" },
      { source: "a", target: "d" },
      { source: "b", target: "d" },
    ]);
    expect(tree).toEqual({
      kind: "sequence",
      pattern: "SEQUENTIAL",
      steps: [
        { kind: "parallel", pattern: "PARALLEL", branches: [{ kind: "step", nodeId: "a" }, { kind: "step", nodeId: "b" }] },
        { kind: "parallel", pattern: "PARALLEL", branches: [{ kind: "step", nodeId: "c" }, { kind: "step", nodeId: "d" }] },
      ],
    });
  });

  it("tools side by side before one model do not make a flow PARALLEL", () => {
    const builder = withModel(createGraphBuilder())
      .node("c1", "tool.calculator", { expression: "1+1" })
      .node("c2", "tool.calculator", { expression: "2+2" })
      .node("join", "prompt", { template: "{{x}} {{y}}" })
      .node("writer", "llm")
      .edge("c1.data", "join.x")
      .edge("c2.data", "join.y")
      .edge("model.model", "writer.model")
      .edge("join.text", "writer.prompt")
      .edge("writer.text", "out.value");
    expect(planOf(builder).summary.pattern).toBe("SEQUENTIAL");
  });

  it("a team's or coordinator's pattern inside the flow names it, the most telling first", () => {
    const builder = withModel(createGraphBuilder())
      .node("lead", "agent", { name: "lead" }, { x: 0, y: 0 })
      .node("helper", "agent", { name: "helper" }, { x: 0, y: 100 })
      .node("checker", "agent", { name: "checker", role: "supervisor" }, { x: 0, y: 200 })
      .node("loop", "team", { pattern: "SUPERVISOR" })
      .edge("model.model", "lead.model")
      .edge("model.model", "helper.model")
      .edge("model.model", "checker.model")
      .edge("helper.agent", "lead.tools")
      .edge("lead.agent", "loop.agents")
      .edge("checker.agent", "loop.agents")
      .edge("in.text", "loop.input")
      .edge("loop.text", "out.value");
    const plan = planOf(builder);
    expect(plan.summary.patterns).toEqual({ loop: "SUPERVISOR", lead: "HIERARCHICAL" });
    expect(plan.summary.pattern).toBe("SUPERVISOR");
  });
});

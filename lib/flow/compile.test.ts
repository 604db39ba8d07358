import { describe, expect, it } from "vitest";
import { compile } from "./compile";
import type { Diagnostic } from "./diagnostics";
import { createGraphBuilder } from "./graph-builder";

const simpleFlow = () =>
  createGraphBuilder()
    .node("in", "input")
    .node("model", "provider.openai", { model: "gpt-4o-mini" })
    .node("llm", "llm")
    .node("out", "output")
    .edge("in.text", "llm.prompt")
    .edge("model.model", "llm.model")
    .edge("llm.text", "out.value");

function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => diagnostic.code);
}

function only(graph: unknown, code: string): Diagnostic {
  const { plan, diagnostics } = compile(graph);
  const found = diagnostics.filter((diagnostic) => diagnostic.code === code);
  expect(found, JSON.stringify(diagnostics)).toHaveLength(1);
  if (found[0]!.severity === "error") expect(plan).toBeNull();
  expect(found[0]!.message.length).toBeGreaterThan(20);
  return found[0]!;
}

describe("compile: a valid graph", () => {
  it("gives a plan in topological order with no diagnostics", () => {
    const { plan, diagnostics } = compile(simpleFlow().build());
    expect(diagnostics).toEqual([]);
    expect(plan!.nodes.map((node) => node.id)).toEqual(["in", "model", "llm", "out"]);
    expect(plan!.inputNodeId).toBe("in");
    expect(plan!.outputs).toEqual([{ nodeId: "out", name: "result" }]);
    expect(plan!.nodes.find((node) => node.id === "model")!.mode).toBe("handle");
    expect(plan!.nodes.find((node) => node.id === "llm")!.config).toEqual({ system: "" });
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });

  it("fills config defaults from the kind's schema", () => {
    const { plan } = compile(simpleFlow().build());
    expect(plan!.nodes.find((node) => node.id === "model")!.config).toMatchObject({ model: "gpt-4o-mini", temperature: "", retryAttempts: "", maxTokens: 4096 });
  });

  it("accepts an edge without handle names when the node has a single port", () => {
    const graph = createGraphBuilder().node("in", "input").node("out", "output").edge("in", "out").build();
    expect(compile(graph).diagnostics).toEqual([]);
  });
});

describe("compile: every diagnostic", () => {
  it("invalid_graph for something that is not a graph", () => {
    expect(only({ nodes: "nope" }, "invalid_graph").message).toContain("nodes");
    expect(only(null, "invalid_graph").severity).toBe("error");
  });

  it("graph_too_large over 2,000 nodes or 5,000 edges", () => {
    const builder = createGraphBuilder();
    for (let index = 0; index <= 2000; index += 1) builder.node(`n${index}`, "input");
    expect(only(builder.build(), "graph_too_large").message).toContain("2001 nodes");
    const edges = createGraphBuilder().node("in", "input").node("out", "output");
    for (let index = 0; index <= 5000; index += 1) edges.edge("in.text", "out.value", `e${index}`);
    expect(only(edges.build(), "graph_too_large").message).toContain("5001 connections");
  });

  it("duplicate_node_id and duplicate_edge_id", () => {
    const graph = simpleFlow().node("llm", "llm").edge("in.text", "llm.prompt").build();
    expect(only(graph, "duplicate_node_id").nodeId).toBe("llm");
    expect(only(graph, "duplicate_edge_id").edgeId).toBe("in.text->llm.prompt");
  });

  it("unknown_kind names the node and does not crash on its edges", () => {
    const graph = simpleFlow().node("mystery", "vendor.magic").edge("mystery.out", "llm.prompt").build();
    const diagnostic = only(graph, "unknown_kind");
    expect(diagnostic).toMatchObject({ nodeId: "mystery", severity: "error" });
    expect(diagnostic.message).toContain("vendor.magic");
  });

  it("invalid_config names the field", () => {
    const graph = simpleFlow().node("agent", "agent", { maxSteps: 0, name: " " }).build();
    const { diagnostics } = compile(graph);
    const fields = diagnostics.filter((diagnostic) => diagnostic.code === "invalid_config").map((diagnostic) => diagnostic.field);
    expect(fields.sort()).toEqual(["maxSteps", "name"]);
    expect(diagnostics.find((diagnostic) => diagnostic.field === "maxSteps")!.nodeId).toBe("agent");
  });

  it("edge_missing_node for either end", () => {
    const graph = simpleFlow().edge("ghost.text", "llm.prompt", "e-ghost").build();
    expect(only(graph, "edge_missing_node")).toMatchObject({ edgeId: "e-ghost", field: "source" });
    const toGhost = simpleFlow().edge("in.text", "ghost.value", "e-to-ghost").build();
    expect(only(toGhost, "edge_missing_node")).toMatchObject({ edgeId: "e-to-ghost", field: "target" });
  });

  it("edge_missing_handle for an unknown port, and for a missing handle on a multi-port node", () => {
    const graph = simpleFlow().edge("in.text", "llm.nonsense", "e1").build();
    expect(only(graph, "edge_missing_handle")).toMatchObject({ edgeId: "e1", nodeId: "llm", field: "targetHandle" });
    const noHandle = simpleFlow().node("p", "prompt", { template: "{{a}} {{b}}" }).edge("in.text", "p", "e2").build();
    expect(only(noHandle, "edge_missing_handle")).toMatchObject({ edgeId: "e2", nodeId: "p" });
  });

  it("edge_incompatible between port types", () => {
    const graph = createGraphBuilder()
      .node("in", "input")
      .node("model", "provider.ollama")
      .node("out", "output")
      .edge("in.text", "out.value")
      .node("llm", "llm")
      .edge("in.text", "llm.model", "text-to-model")
      .edge("model.model", "llm.prompt", "model-to-text")
      .build();
    const { diagnostics } = compile(graph);
    expect(diagnostics.filter((diagnostic) => diagnostic.code === "edge_incompatible").map((diagnostic) => diagnostic.edgeId).sort()).toEqual([
      "model-to-text",
      "text-to-model",
    ]);
  });

  it("input_already_connected when a single input gets two edges", () => {
    const graph = simpleFlow().node("in2", "prompt", { template: "x" }).edge("in2.text", "llm.prompt", "second").build();
    expect(only(graph, "input_already_connected")).toMatchObject({ edgeId: "second", nodeId: "llm", field: "prompt" });
  });

  it("required_input_missing names the port, including a prompt's placeholders", () => {
    const graph = createGraphBuilder()
      .node("in", "input")
      .node("p", "prompt", { template: "Hello {{name}}, about {{topic}}" })
      .node("out", "output")
      .edge("in.text", "p.name")
      .edge("p.text", "out.value")
      .build();
    expect(only(graph, "required_input_missing")).toMatchObject({ nodeId: "p", field: "topic" });
  });

  it("required_input_missing for an agent whose text is used without an input", () => {
    const graph = createGraphBuilder().node("model", "provider.ollama").node("a", "agent").node("out", "output").edge("model.model", "a.model").edge("a.text", "out.value").build();
    expect(only(graph, "required_input_missing")).toMatchObject({ nodeId: "a", field: "input" });
  });

  it("cycle names the nodes in the loop", () => {
    const graph = createGraphBuilder()
      .node("in", "input")
      .node("p1", "prompt", { template: "{{a}} {{b}}" })
      .node("p2", "prompt", { template: "{{a}}" })
      .node("out", "output")
      .edge("in.text", "p1.a")
      .edge("p2.text", "p1.b")
      .edge("p1.text", "p2.a")
      .edge("p1.text", "out.value")
      .build();
    graph.nodes.find((node) => node.id === "p2")!.data.label = "Rewriter";
    const diagnostic = only(graph, "cycle");
    // Unlabelled nodes read as their kind and the end of their id; labelled ones by their label.
    expect(diagnostic.message).toContain('"Prompt #p1"');
    expect(diagnostic.message).toContain('"Rewriter"');
  });

  it("names nodes by their labels, keeping ids in nodeId", () => {
    const graph = createGraphBuilder()
      .node("in", "input")
      .node("model", "provider.ollama")
      .node("llm-8m1k3tv4", "llm")
      .node("out", "output")
      .edge("model.model", "llm-8m1k3tv4.model")
      .edge("llm-8m1k3tv4.text", "out.value")
      .build();
    graph.nodes.find((node) => node.id === "llm-8m1k3tv4")!.data.label = "Answer writer";
    const diagnostic = only(graph, "required_input_missing");
    expect(diagnostic).toMatchObject({ nodeId: "llm-8m1k3tv4" });
    expect(diagnostic.message).toContain('of "Answer writer" needs a connection');
    expect(diagnostic.message).not.toContain("llm-8m1k3tv4");
  });

  it("cycle for a node feeding itself", () => {
    const graph = createGraphBuilder().node("p", "prompt", { template: "{{a}}" }).node("out", "output").edge("p.text", "p.a").edge("p.text", "out.value").build();
    expect(only(graph, "cycle").nodeId).toBe("p");
  });

  it("multiple_inputs and missing_output", () => {
    const graph = simpleFlow().node("in2", "input").build();
    expect(only(graph, "multiple_inputs").nodeId).toBe("in2");
    const noOutput = createGraphBuilder().node("in", "input").build();
    expect(only(noOutput, "missing_output").nodeId).toBeUndefined();
  });

  it("duplicate_output_name", () => {
    const graph = simpleFlow().node("out2", "output").edge("llm.text", "out2.value").build();
    expect(only(graph, "duplicate_output_name")).toMatchObject({ nodeId: "out2", field: "name" });
  });

  it("unused_node is a warning and the node is left out of the plan", () => {
    const graph = simpleFlow().node("calc", "tool.calculator", { expression: "1+1" }).build();
    const { plan } = compile(graph);
    expect(only(graph, "unused_node")).toMatchObject({ nodeId: "calc", severity: "warning" });
    expect(plan!.nodes.map((node) => node.id)).not.toContain("calc");
  });

  it("default_model warns about an agent without a model", () => {
    const graph = createGraphBuilder().node("in", "input").node("a", "agent").node("out", "output").edge("in.text", "a.input").edge("a.text", "out.value").build();
    expect(only(graph, "default_model")).toMatchObject({ nodeId: "a", severity: "warning", field: "model" });
  });

  it("team_too_small for HIERARCHICAL and SUPERVISOR with one agent", () => {
    const graph = createGraphBuilder()
      .node("in", "input")
      .node("model", "provider.ollama")
      .node("a", "agent")
      .node("team", "team", { pattern: "SUPERVISOR" })
      .node("out", "output")
      .edge("model.model", "a.model")
      .edge("a.agent", "team.agents")
      .edge("in.text", "team.input")
      .edge("team.text", "out.value")
      .build();
    expect(only(graph, "team_too_small")).toMatchObject({ nodeId: "team", field: "agents" });
  });

  it("reports several problems at once rather than stopping at the first", () => {
    const graph = simpleFlow().node("mystery", "nope").node("in2", "input").edge("x.y", "llm.prompt").build();
    expect(codes(compile(graph).diagnostics).sort()).toEqual(["edge_missing_node", "multiple_inputs", "unknown_kind", "unused_node"]);
  });
});

describe("compile: one node's own error stays on that node", () => {
  const agentFlow = (agentConfig: Record<string, unknown>) =>
    createGraphBuilder()
      .node("in", "input")
      .node("model", "provider.ollama")
      .node("a", "agent", agentConfig)
      .node("out", "output")
      .edge("model.model", "a.model")
      .edge("in.text", "a.input")
      .edge("a.text", "out.value");

  it("reports an agent's invalid setting once, and its edges still count", () => {
    const { plan, diagnostics } = compile(agentFlow({ maxSteps: 0 }).build());
    expect(plan).toBeNull();
    expect(diagnostics).toEqual([expect.objectContaining({ code: "invalid_config", nodeId: "a", field: "maxSteps" })]);
  });

  it("does not blame the neighbours of a node of unknown kind, nor call the flow output-less", () => {
    const unknown = createGraphBuilder().node("in", "input").node("x", "vendor.magic").node("out", "output").edge("in.text", "x.prompt").edge("x.text", "out.value");
    expect(codes(compile(unknown.build()).diagnostics)).toEqual(["unknown_kind"]);
    const brokenOutput = createGraphBuilder().node("in", "input").node("out", "output", { name: "" }).edge("in.text", "out.value");
    expect(codes(compile(brokenOutput.build()).diagnostics)).toEqual(["invalid_config"]);
  });

  it("still reports what is wrong on the valid side of an edge to a broken node", () => {
    const graph = agentFlow({ maxSteps: 0 }).edge("a.text", "out.nonsense", "bad-handle").build();
    expect(codes(compile(graph).diagnostics).sort()).toEqual(["edge_missing_handle", "invalid_config"]);
  });

  it("accepts a free-text agent name", () => {
    const { plan, diagnostics } = compile(agentFlow({ name: "Research agent" }).build());
    expect(diagnostics).toEqual([]);
    expect(plan!.nodes.find((node) => node.id === "a")!.config).toMatchObject({ name: "Research agent" });
  });
});

describe("compile: graph format version", () => {
  it("refuses a graph from a newer format, naming both versions", () => {
    const graph = { ...simpleFlow().build(), version: 2 };
    const diagnostic = only(graph, "invalid_graph");
    expect(diagnostic.message).toContain("format 2");
    expect(diagnostic.message).toContain("reads format 1");
  });
});

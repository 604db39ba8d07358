import { describe, expect, it } from "vitest";
import { compile } from "@/lib/flow/compile";
import { getTemplate, instantiateTemplate, listTemplates, previewGraph } from "./index";

describe("template gallery", () => {
  it("ships the five templates, the Daily Brief first", () => {
    expect(listTemplates().map((template) => [template.id, template.pattern])).toEqual([
      ["daily-brief", "SEQUENTIAL"],
      ["research-pipeline", "SEQUENTIAL"],
      ["three-perspectives", "PARALLEL"],
      ["research-team", "HIERARCHICAL"],
      ["writer-and-reviewer", "SUPERVISOR"],
    ]);
  });

  it.each(listTemplates().map((template) => template.id))("%s compiles with no error diagnostics", (id) => {
    const { plan, diagnostics } = compile(getTemplate(id)!.graph);
    expect(diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    expect(diagnostics.filter((diagnostic) => diagnostic.code === "unused_node")).toEqual([]);
    expect(plan).not.toBeNull();
  });

  it("each template demonstrates the pattern it claims", () => {
    const patternsOf = (id: string) => Object.values(compile(getTemplate(id)!.graph).plan!.summary.patterns);
    expect(patternsOf("research-pipeline")).toEqual(["SEQUENTIAL"]);
    expect(patternsOf("research-team")).toEqual(["HIERARCHICAL"]);
    expect(patternsOf("writer-and-reviewer")).toEqual(["SUPERVISOR"]);
    const structure = compile(getTemplate("three-perspectives")!.graph).plan!.summary.structure;
    expect(JSON.stringify(structure)).toContain('"kind":"parallel"');
  });

  it("opens the Daily Brief with sample data on and a local Ollama model, and needs Google only optionally", () => {
    const template = getTemplate("daily-brief")!;
    const config = (id: string) => template.graph.nodes.find((node) => node.id === id)!.data.config as Record<string, unknown>;
    expect(config("calendar").useSampleData).toBe(true);
    expect(config("gmail").useSampleData).toBe(true);
    expect(template.graph.nodes.find((node) => node.id === "model")!.type).toBe("provider.ollama");
    expect(template.credentials).toEqual([expect.objectContaining({ kind: "google", optional: true })]);
  });

  it("hands out copies, so a new flow can be edited freely", () => {
    const graph = instantiateTemplate("daily-brief")!;
    graph.nodes.pop();
    expect(instantiateTemplate("daily-brief")!.nodes).toHaveLength(graph.nodes.length + 1);
    expect(instantiateTemplate("nope")).toBeUndefined();
  });

  it("contains no secrets and previews within its frame", () => {
    for (const summary of listTemplates()) {
      const template = getTemplate(summary.id)!;
      expect(JSON.stringify(template)).not.toMatch(/apiKey|sk-[A-Za-z0-9]{8}|refresh_token/);
      const preview = previewGraph(template.graph);
      expect(preview.nodes.every((node) => node.x >= 0 && node.x <= 240 && node.y >= 0 && node.y <= 120)).toBe(true);
    }
  });
});

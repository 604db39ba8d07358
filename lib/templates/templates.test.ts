import { describe, expect, it } from "vitest";
import { compile } from "@/lib/flow/compile";
import { getTemplate, instantiateTemplate, listTemplates, previewGraph, templateCategories } from "./index";

describe("template gallery", () => {
  it("ships at least twelve templates with unique ids, the Daily Brief first, each in a known category", () => {
    const templates = listTemplates();
    expect(templates.length).toBeGreaterThanOrEqual(12);
    expect(templates[0]!.id).toBe("daily-brief");
    expect(new Set(templates.map((template) => template.id)).size).toBe(templates.length);
    const known = new Set(templateCategories.map((category) => category.id));
    expect(templates.filter((template) => !known.has(template.category))).toEqual([]);
    // Every category offered as a filter chip has something in it.
    expect(new Set(templates.map((template) => template.category))).toEqual(known);
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
    const comparison = compile(getTemplate("local-vs-cloud")!.graph).plan!.summary.structure;
    expect(JSON.stringify(comparison)).toContain('"kind":"parallel"');
  });

  it("opens the Daily Brief with sample data on and a local Ollama model, and needs Google only optionally", () => {
    const template = getTemplate("daily-brief")!;
    const config = (id: string) => template.graph.nodes.find((node) => node.id === id)!.data.config as Record<string, unknown>;
    expect(config("calendar").useSampleData).toBe(true);
    expect(config("gmail").useSampleData).toBe(true);
    expect(template.graph.nodes.find((node) => node.id === "model")!.type).toBe("provider.ollama");
    expect(template.credentials).toEqual([expect.objectContaining({ kind: "google", optional: true })]);
    const summary = listTemplates().find((candidate) => candidate.id === "daily-brief")!;
    expect(summary.requirements.map((requirement) => [requirement.kind, requirement.optional])).toEqual([
      ["google", true],
      ["ollama", false],
    ]);
  });

  it("asks for JSON where it promises structured output, and for a cloud key only in the comparison", () => {
    const jsonModels = (id: string) =>
      getTemplate(id)!.graph.nodes.filter((node) => node.type.startsWith("provider.") && (node.data.config as { jsonMode?: boolean }).jsonMode).length;
    expect(jsonModels("contact-extractor")).toBe(1);
    expect(jsonModels("support-ticket-triage")).toBe(1);
    const keyed = listTemplates().filter((template) => template.requirements.some((requirement) => requirement.needsCredential && !requirement.optional));
    expect(keyed.map((template) => template.id)).toEqual(["local-vs-cloud"]);
    expect(keyed[0]!.requirements.map((requirement) => requirement.kind)).toEqual(["ollama", "openai"]);
  });

  it("hands out copies, so a new flow can be edited freely", () => {
    const graph = instantiateTemplate("daily-brief")!;
    graph.nodes.pop();
    expect(instantiateTemplate("daily-brief")!.nodes).toHaveLength(graph.nodes.length + 1);
    expect(instantiateTemplate("nope")).toBeUndefined();
  });

  it("centres a preview in its frame", () => {
    const row = previewGraph({
      version: 1,
      nodes: [
        { id: "a", type: "input", position: { x: 0, y: 40 }, data: {} },
        { id: "b", type: "output", position: { x: 300, y: 40 }, data: {} },
      ],
      edges: [],
    });
    expect(row.nodes.map((node) => [node.x, node.y])).toEqual([
      [12, 60],
      [228, 60],
    ]);
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

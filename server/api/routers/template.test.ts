import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestCaller } from "@/testing/trpc-caller";

describe("template router", () => {
  let harness: Awaited<ReturnType<typeof createTestCaller>>;
  beforeAll(async () => (harness = await createTestCaller()));
  afterAll(async () => harness?.database.drop());

  it("lists the gallery with the Daily Brief first, each card with a pattern and a preview", async () => {
    const templates = await harness.caller.template.list();
    expect(templates[0]).toMatchObject({ id: "daily-brief", name: expect.stringContaining("Daily Brief") });
    expect(new Set(templates.map((template) => template.pattern))).toEqual(new Set(["SEQUENTIAL", "PARALLEL", "HIERARCHICAL", "SUPERVISOR"]));
    for (const template of templates) expect(template.preview.nodes.length).toBe(template.nodeCount);
    const comparison = templates.find((template) => template.id === "local-vs-cloud")!;
    expect(comparison).toMatchObject({ category: "evaluation", requirements: [{ kind: "ollama", needsCredential: false }, { kind: "openai", needsCredential: true }] });
  });

  it("creates a new flow from a template that compiles without errors", async () => {
    const { caller } = harness;
    const flow = await caller.template.use({ id: "research-team" });
    expect(flow.version).toBe(1);
    const report = await caller.flow.compile({ id: flow.id });
    expect(report.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    expect(Object.values(report.plan!.patterns)).toContain("HIERARCHICAL");
    await expect(caller.template.use({ id: "no-such-template" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

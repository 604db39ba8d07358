import { describe, expect, it } from "vitest";
import { flowDocumentSchema, sanitizeGraph, toFlowDocument } from "./flow-document";
import type { FlowGraph } from "./graph-schema";

const graph: FlowGraph = {
  version: 1,
  nodes: [
    {
      id: "model",
      type: "provider.openai",
      position: { x: 0, y: 0 },
      data: { config: { model: "gpt-4o-mini", credentialId: "cred_1", apiKey: "sk-live-secret", headers: { Authorization: "Bearer x", Accept: "json" } } },
    },
  ],
  edges: [],
};

describe("flow documents", () => {
  it("removes secret-looking settings and credential references, at any depth", () => {
    const cleaned = sanitizeGraph(graph);
    expect(cleaned.nodes[0]?.data).toEqual({ config: { model: "gpt-4o-mini", headers: { Accept: "json" } } });
    expect(JSON.stringify(cleaned)).not.toContain("sk-live-secret");
  });

  it("exports a document that imports back to the same sanitised graph", () => {
    const document = toFlowDocument({ name: "Brief", description: "d", graph }, new Date("2026-01-01T00:00:00Z"));
    const parsed = flowDocumentSchema.parse(JSON.parse(JSON.stringify(document)));
    expect(parsed.graph).toEqual(sanitizeGraph(graph));
    expect(parsed).toMatchObject({ name: "Brief", description: "d", exportedAt: "2026-01-01T00:00:00.000Z" });
  });

  it("names the problem in a file that is not an export", () => {
    const result = flowDocumentSchema.safeParse({ name: "x", graph: { nodes: [] } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toContain("format");
  });

  it("refuses an export whose graph has a newer format version, saying which versions", () => {
    const document = toFlowDocument({ name: "Future", description: "", graph }, new Date("2026-01-01T00:00:00Z"));
    const result = flowDocumentSchema.safeParse({ ...JSON.parse(JSON.stringify(document)), graph: { ...graph, version: 2 } });
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((candidate) => candidate.path.join(".") === "graph.version");
    expect(issue?.message).toMatch(/newer version of OsMEN Studio \(graph format 2\); this server reads format 1/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FlowGraph } from "@/lib/flow/graph-schema";
import { createTestCaller } from "@/testing/trpc-caller";

const node = (id: string, type: string, config: Record<string, unknown> = {}) => ({ id, type, position: { x: 0, y: 0 }, data: { config } });
const withNodes = (...ids: string[]): FlowGraph => ({ version: 1, nodes: ids.map((id) => node(id, "input")), edges: [] });

describe("flow compile, history, export and import", () => {
  let harness: Awaited<ReturnType<typeof createTestCaller>>;
  beforeAll(async () => (harness = await createTestCaller()));
  afterAll(async () => harness?.database.drop());

  it("compiles a stored flow and a posted graph into the same report", async () => {
    const { caller } = harness;
    const graph: FlowGraph = {
      version: 1,
      nodes: [node("in", "input"), node("out", "output")],
      edges: [{ id: "e", source: "in", sourceHandle: "text", target: "out", targetHandle: "value" }],
    };
    const flow = await caller.flow.create({ name: "Echo", graph });
    const stored = await caller.flow.compile({ id: flow.id });
    const posted = await caller.flow.compile({ graph });
    expect(stored).toEqual(posted);
    expect(stored.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    expect(stored.plan).toMatchObject({ nodeCount: 2, inputNodeId: "in", outputNodeIds: ["out"] });
  });

  it("reports diagnostics, and no plan, for a broken graph", async () => {
    const report = await harness.caller.flow.compile({ graph: { version: 1, nodes: [node("x", "no.such.kind")], edges: [] } });
    expect(report.plan).toBeNull();
    expect(report.diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ code: "unknown_kind", nodeId: "x" })]));
  });

  it("lists earlier versions newest first, previews one and restores it as a new version", async () => {
    const { caller } = harness;
    const flow = await caller.flow.create({ name: "History", graph: withNodes("a") });
    await caller.flow.update({ id: flow.id, version: 1, graph: withNodes("b") });
    await caller.flow.update({ id: flow.id, version: 2, graph: withNodes("c") });
    const versions = await caller.flow.versions({ id: flow.id });
    expect(versions.map((each) => each.version)).toEqual([2, 1]);
    expect((await caller.flow.getVersion({ id: flow.id, version: 1 })).graph).toEqual(withNodes("a"));

    const restored = await caller.flow.restoreVersion({ id: flow.id, version: 1, expectedVersion: 3 });
    expect(restored.version).toBe(4);
    expect(restored.graph).toEqual(withNodes("a"));
    expect((await caller.flow.versions({ id: flow.id })).map((each) => each.version)).toEqual([3, 2, 1]);
    await expect(caller.flow.restoreVersion({ id: flow.id, version: 2, expectedVersion: 3 })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(caller.flow.getVersion({ id: flow.id, version: 99 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("exports without secrets and imports the export as a new flow with the same graph", async () => {
    const { caller } = harness;
    const graph: FlowGraph = { version: 1, nodes: [node("m", "provider.anthropic", { model: "claude", apiKey: "sk-ant-secret" })], edges: [] };
    const flow = await caller.flow.create({ name: "Portable", description: "takes a trip", graph });
    const document = await caller.flow.export({ id: flow.id });
    expect(JSON.stringify(document)).not.toContain("sk-ant-secret");
    const imported = await caller.flow.import({ document: JSON.parse(JSON.stringify(document)) });
    expect(imported.id).not.toBe(flow.id);
    expect(imported).toMatchObject({ name: "Portable (imported)", description: "takes a trip", graph: document.graph });
    // Each further import of the same file gets the next number; a name nobody has is kept as it is.
    expect((await caller.flow.import({ document: JSON.parse(JSON.stringify(document)) })).name).toBe("Portable (imported 2)");
    expect((await caller.flow.import({ document: { ...JSON.parse(JSON.stringify(document)), name: "Portable elsewhere" } })).name).toBe("Portable elsewhere");
  });

  it("refuses an invalid import, naming the field, and creates nothing", async () => {
    const { caller, database } = harness;
    const before = await database.prisma.flow.count();
    const bad = { format: "osmen-flow", formatVersion: 1, name: "Bad", graph: { version: 1, nodes: [node("a", "input"), node("a", "input")], edges: [] } };
    await expect(caller.flow.import({ document: bad as never })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining('document.graph.nodes.1.id: duplicate node id "a"'),
    });
    expect(await database.prisma.flow.count()).toBe(before);
  });
});

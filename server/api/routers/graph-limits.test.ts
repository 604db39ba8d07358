// A graph past the compiler's limits, or a setting past its own, is refused at save and import with
// nothing stored, not only later at run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_EDGES, MAX_NODES, type FlowGraph } from "@/lib/flow/graph-schema";
import { FLOW_DOCUMENT_FORMAT } from "@/lib/flow/flow-document";
import { createTestCaller } from "@/testing/trpc-caller";

const inputNode = (id: string) => ({ id, type: "input", position: { x: 0, y: 0 }, data: {} });
const manyNodes = (count: number): FlowGraph => ({ version: 1, nodes: Array.from({ length: count }, (_, index) => inputNode(`n${index}`)), edges: [] });
const manyEdges = (count: number): FlowGraph => ({
  version: 1,
  nodes: [inputNode("a"), inputNode("b")],
  edges: Array.from({ length: count }, (_, index) => ({ id: `e${index}`, source: "a", target: "b" })),
});
const httpNode = (body: string): FlowGraph => ({
  version: 1,
  nodes: [{ id: "http", type: "tool.http", position: { x: 0, y: 0 }, data: { config: { method: "POST", body } } }],
  edges: [],
});
const documentOf = (graph: FlowGraph) => ({ format: FLOW_DOCUMENT_FORMAT, formatVersion: 1 as const, name: "Imported", graph });

async function failure(promise: Promise<unknown>) {
  return promise.then(
    () => null,
    (error: unknown) => error as { code?: string; message: string; data?: { code?: string } },
  );
}

describe("graph limits at save and import", () => {
  let harness: Awaited<ReturnType<typeof createTestCaller>>;
  const flowCount = () => harness.database.prisma.flow.count();
  beforeAll(async () => (harness = await createTestCaller()));
  afterAll(async () => harness?.database.drop());

  it("accepts a graph exactly at the node limit", async () => {
    await expect(harness.caller.flow.create({ name: "At limit", graph: manyNodes(MAX_NODES) })).resolves.toHaveProperty("id");
  });

  it("refuses too many nodes or edges at create and import, storing nothing", async () => {
    const before = await flowCount();
    const tooManyNodes = await failure(harness.caller.flow.create({ name: "Big", graph: manyNodes(MAX_NODES + 1) }));
    expect(tooManyNodes?.message).toMatch(/2001 nodes .* limits are 2000 nodes and 5000 connections/);
    const tooManyEdges = await failure(harness.caller.flow.import({ document: documentOf(manyEdges(MAX_EDGES + 1)) }));
    expect(tooManyEdges?.message).toContain("5001 connections");
    expect(await flowCount()).toBe(before);
  });

  it("refuses a setting over its limit at save and import, keeping the stored version", async () => {
    const flow = await harness.caller.flow.create({ name: "Http", graph: httpNode("small") });
    const huge = "x".repeat(1_000_001);
    const saved = await failure(harness.caller.flow.update({ id: flow.id, version: flow.version, graph: httpNode(huge) }));
    expect(saved?.message).toMatch(/node "http" body/);
    expect((await harness.caller.flow.get({ id: flow.id })).version).toBe(flow.version);
    const before = await flowCount();
    expect((await failure(harness.caller.flow.import({ document: documentOf(httpNode(huge)) })))?.message).toMatch(/body/);
    expect(await flowCount()).toBe(before);
  });

  it("still saves a half-finished setting that is only invalid, not too big", async () => {
    const draft: FlowGraph = { version: 1, nodes: [{ id: "http", type: "tool.http", position: { x: 0, y: 0 }, data: { config: { toolName: "has spaces" } } }], edges: [] };
    await expect(harness.caller.flow.create({ name: "Draft", graph: draft })).resolves.toHaveProperty("id");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FlowGraph } from "@/lib/flow/graph-schema";
import { testDatabases } from "@/testing/databases";
import { localTestCaller as me } from "@/testing/trpc-caller";
import { createFlowService, type FlowService } from "./flow-service";

const graph = (label: string): FlowGraph => ({
  version: 1,
  nodes: [
    { id: "in", type: "input", position: { x: 0, y: 0 }, data: { label } },
    { id: "out", type: "output", position: { x: 200, y: 0 }, data: {} },
  ],
  edges: [{ id: "e1", source: "in", sourceHandle: "text", target: "out", targetHandle: "text" }],
});

describe.each(testDatabases())("flow service on $provider", ({ provider, create }) => {
  let database: Awaited<ReturnType<typeof create>>;
  let flows: FlowService;

  beforeAll(async () => {
    database = await create();
    flows = createFlowService(database);
  });
  afterAll(async () => database?.drop());

  it(`runs against ${provider}`, () => {
    expect(database.provider).toBe(provider);
  });

  it("creates a flow at version 1 and reads its graph back as an object", async () => {
    const created = await flows.create(me, { name: "Morning", graph: graph("a") });
    expect(created.version).toBe(1);
    const fetched = await flows.get(me, created.id);
    expect(fetched.name).toBe("Morning");
    expect(fetched.graph).toEqual(graph("a"));
  });

  it("starts an empty graph when none is given", async () => {
    const created = await flows.create(me, { name: "Blank" });
    expect((await flows.get(me, created.id)).graph).toEqual({ version: 1, nodes: [], edges: [] });
  });

  it("updates from the current version, bumps it and keeps the previous graph as a version", async () => {
    const created = await flows.create(me, { name: "Versioned", graph: graph("v1") });
    const updated = await flows.update(me, { id: created.id, version: 1, graph: graph("v2"), description: "second" });
    // The answer is only the new version and its time: the caller already has the graph it sent.
    expect(Object.keys(updated).sort()).toEqual(["updatedAt", "version"]);
    expect(updated.version).toBe(2);
    const stored = await flows.get(me, created.id);
    expect(stored).toMatchObject({ version: 2, graph: graph("v2"), description: "second", updatedAt: updated.updatedAt });
    const snapshots = await database.prisma.flowVersion.findMany({ where: { flowId: created.id } });
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]).toMatchObject({ version: 1, name: "Versioned", graph: graph("v1") });
  });

  it("keeps the replaced name in the snapshot when a save renames, dated as the save", async () => {
    const created = await flows.create(me, { name: "Before", description: "kept", graph: graph("v1") });
    const updated = await flows.update(me, { id: created.id, version: 1, graph: graph("v2"), name: "After" });
    expect(await flows.get(me, created.id)).toMatchObject({ name: "After", description: "kept", version: 2, graph: graph("v2") });
    const snapshot = await database.prisma.flowVersion.findUniqueOrThrow({ where: { flowId_version: { flowId: created.id, version: 1 } } });
    expect(snapshot).toMatchObject({ name: "Before", graph: graph("v1"), createdAt: updated.updatedAt });
  });

  it("refuses a stale version with CONFLICT and overwrites nothing", async () => {
    const created = await flows.create(me, { name: "Stale", graph: graph("v1") });
    await flows.update(me, { id: created.id, version: 1, graph: graph("theirs") });
    await expect(flows.update(me, { id: created.id, version: 1, graph: graph("mine") })).rejects.toMatchObject({ code: "CONFLICT" });
    const stored = await flows.get(me, created.id);
    expect(stored.version).toBe(2);
    expect(stored.graph).toEqual(graph("theirs"));
  });

  it("lets exactly one of two concurrent updates from the same version win", async () => {
    const created = await flows.create(me, { name: "Race", graph: graph("v1") });
    const sent = [graph("left"), graph("right")];
    const results = await Promise.allSettled(sent.map((each) => flows.update(me, { id: created.id, version: 1, graph: each })));
    const winners = results.filter((result) => result.status === "fulfilled");
    const losers = results.filter((result) => result.status === "rejected");
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect((losers[0] as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    const stored = await flows.get(me, created.id);
    expect(stored.version).toBe(2);
    expect(stored.graph).toEqual(sent[results.findIndex((result) => result.status === "fulfilled")]);
  });

  it("lists newest first and searches by name regardless of case", async () => {
    const older = await flows.create(me, { name: "Alpha search target" });
    const newer = await flows.create(me, { name: "beta SEARCH target" });
    await flows.create(me, { name: "Unrelated" });
    await flows.rename(me, older.id, "Alpha search target renamed");
    const found = await flows.list(me, { search: "search TARGET" });
    expect(found.map((flow) => flow.id)).toEqual([older.id, newer.id]);
  });

  it("renames without changing the graph version", async () => {
    const created = await flows.create(me, { name: "Old name", graph: graph("x") });
    const renamed = await flows.rename(me, created.id, "New name");
    expect(renamed).toMatchObject({ name: "New name", version: 1 });
  });

  it("duplicates a flow into a new one with the same graph", async () => {
    const created = await flows.create(me, { name: "Original", graph: graph("dup") });
    const copy = await flows.duplicate(me, created.id);
    expect(copy.id).not.toBe(created.id);
    expect(copy.name).toBe("Original (copy)");
    expect(copy.graph).toEqual(graph("dup"));
    expect(copy.version).toBe(1);
  });

  it("deletes a flow and its versions", async () => {
    const created = await flows.create(me, { name: "Doomed", graph: graph("1") });
    await flows.update(me, { id: created.id, version: 1, graph: graph("2") });
    await flows.remove(me, created.id);
    await expect(flows.get(me, created.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await database.prisma.flowVersion.count({ where: { flowId: created.id } })).toBe(0);
  });

  it("answers NOT_FOUND for an unknown id on every operation", async () => {
    const id = "does-not-exist";
    await expect(flows.get(me, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(flows.update(me, { id, version: 1, graph: graph("x") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(flows.rename(me, id, "x")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(flows.duplicate(me, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(flows.remove(me, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

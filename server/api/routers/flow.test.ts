import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { createApp } from "@/server/app";
import { testDatabases } from "@/testing/databases";
import { localTestCaller } from "@/testing/trpc-caller";

const [sqlite] = testDatabases();
const node = (id: string, type = "input") => ({ id, type, position: { x: 0, y: 0 }, data: {} });

describe("flow router", () => {
  let database: Awaited<ReturnType<typeof sqlite.create>>;
  let caller: ReturnType<typeof createCaller>;

  beforeAll(async () => {
    database = await sqlite.create();
    caller = createCaller(await createContext({ headers: new Headers(), caller: localTestCaller, app: createApp({ db: database }) }));
  });
  afterAll(async () => database?.drop());

  async function expectBadRequest(promise: Promise<unknown>, field: RegExp) {
    const error = await promise.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect((error as TRPCError).message).toMatch(field);
  }

  it("refuses bad input with a message naming the field, and stores nothing", async () => {
    const before = await database.prisma.flow.count();
    await expectBadRequest(caller.flow.create({ name: "" }), /^name must not be empty$/);
    await expectBadRequest(caller.flow.create({ name: "x".repeat(201) }), /^name must be at most 200 characters$/);
    await expectBadRequest(caller.flow.create({ name: "ok", graph: { nodes: "nope" } as never }), /graph\.nodes/);
    await expectBadRequest(
      caller.flow.create({ name: "ok", graph: { version: 1, nodes: [node("a"), node("a")], edges: [] } }),
      /graph\.nodes\.1\.id: duplicate node id "a"/,
    );
    await expectBadRequest(
      caller.flow.create({
        name: "ok",
        graph: { version: 1, nodes: [node("a")], edges: [{ id: "e", source: "a", target: "ghost" }] },
      }),
      /graph\.edges\.0\.target: edge "e" points to unknown node "ghost"/,
    );
    const huge = { version: 1, nodes: [{ ...node("a"), data: { blob: "x".repeat(5 * 1024 * 1024) } }], edges: [] };
    await expectBadRequest(caller.flow.create({ name: "big", graph: huge }), /^graph is 5\.0 MB; the limit is 5 MB/);
    expect(await database.prisma.flow.count()).toBe(before);
  });

  it("keeps the stored graph when an update is refused", async () => {
    const flow = await caller.flow.create({ name: "Kept", graph: { version: 1, nodes: [node("a")], edges: [] } });
    await expectBadRequest(
      caller.flow.update({ id: flow.id, version: 1, graph: { version: 1, nodes: [node("b"), node("b")], edges: [] } }),
      /duplicate node id/,
    );
    const stored = await caller.flow.get({ id: flow.id });
    expect(stored.version).toBe(1);
    expect(stored.graph.nodes.map((each) => each.id)).toEqual(["a"]);
  });

  it("answers NOT_FOUND for an unknown flow and CONFLICT for a stale version", async () => {
    await expect(caller.flow.get({ id: "missing" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const flow = await caller.flow.create({ name: "Twice" });
    const graph = { version: 1, nodes: [node("a")], edges: [] };
    const saved = await caller.flow.update({ id: flow.id, version: flow.version, graph });
    expect(saved.version).toBe(2);
    await expect(caller.flow.update({ id: flow.id, version: 1, graph })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses a version no flow can have with BAD_REQUEST that names the bound, before the database sees it", async () => {
    const flow = await caller.flow.create({ name: "Bounded" });
    const graph = { version: 1, nodes: [node("a")], edges: [] };
    for (const version of [2_147_483_648, Number.MAX_SAFE_INTEGER]) {
      await expect(caller.flow.update({ id: flow.id, version, graph })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("at most 2147483647") });
      await expect(caller.flow.restoreVersion({ id: flow.id, version: 1, expectedVersion: version })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    expect((await caller.flow.get({ id: flow.id })).version).toBe(flow.version);
  });

  it("fills a node's missing data with an empty object", async () => {
    const flow = await caller.flow.create({
      name: "Defaults",
      graph: { version: 1, nodes: [{ id: "a", type: "input", position: { x: 1, y: 2 } }], edges: [] },
    });
    expect(flow.graph.nodes[0]?.data).toEqual({});
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { chatGraph } from "@/testing/flow-graphs";
import { testDatabases } from "@/testing/databases";
import { localTestCaller as me } from "@/testing/trpc-caller";
import { createTestUser } from "@/testing/users";
import { createFlowService } from "@/server/services/flow-service";
import { createRunRetention } from "./run-retention";
import { createRunService } from "./run-service";

const DAY_MS = 24 * 60 * 60 * 1000;
const NOW = new Date("2026-11-30T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS);

type TestDb = Awaited<ReturnType<ReturnType<typeof testDatabases>[number]["create"]>>;

/** A stored run of `flowId` made `ageDays` ago, with two event rows. */
async function storedRun(database: TestDb, flowId: string, ageDays: number, options: { status?: string; pinned?: boolean } = {}) {
  const run = await database.prisma.run.create({
    data: { userId: me.userId, flowId, flowVersion: 1, status: options.status ?? "succeeded", pinned: options.pinned ?? false, createdAt: daysAgo(ageDays) },
  });
  await database.prisma.runEvent.createMany({
    data: [1, 2].map((seq) => ({ runId: run.id, seq, type: "run.started", payload: { at: NOW.toISOString() } })),
  });
  return run.id;
}

describe.each(testDatabases())("run history retention on $provider", ({ create }) => {
  let database: Awaited<ReturnType<typeof create>>;

  beforeAll(async () => (database = await create()));
  afterAll(async () => database?.drop());

  const remaining = async (ids: string[]) =>
    (await database.prisma.run.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((row) => row.id).sort();

  it("deletes finished runs past the age, with their events, and keeps pinned, unfinished and younger runs", async () => {
    const flow = await createFlowService(database).create(me, { name: "Aging", graph: chatGraph() });
    const old = await Promise.all([40, 41, 45].map((age) => storedRun(database, flow.id, age)));
    const oldFailed = await storedRun(database, flow.id, 50, { status: "failed" });
    const oldPinned = await storedRun(database, flow.id, 60, { pinned: true });
    const oldRunning = await storedRun(database, flow.id, 60, { status: "running" });
    const young = await storedRun(database, flow.id, 2);

    const retention = createRunRetention(database, { maxAgeDays: 30, maxRunsPerFlow: 0, batchSize: 2 });
    expect(await retention.pruneOnce(NOW)).toBe(4);
    expect(await remaining([...old, oldFailed, oldPinned, oldRunning, young])).toEqual([oldPinned, oldRunning, young].sort());
    expect(await database.prisma.runEvent.count({ where: { runId: { in: [...old, oldFailed] } } })).toBe(0);
    expect(await database.prisma.runEvent.count({ where: { runId: oldPinned } })).toBe(2);
  });

  it("keeps the newest runs of each flow past the count, pinned runs besides, and leaves other flows alone", async () => {
    const flows = createFlowService(database);
    const busy = await flows.create(me, { name: "Busy", graph: chatGraph() });
    const quiet = await flows.create(me, { name: "Quiet", graph: chatGraph() });
    const busyRuns = [];
    for (let age = 1; age <= 7; age += 1) busyRuns.push(await storedRun(database, busy.id, age));
    const pinned = await storedRun(database, busy.id, 20, { pinned: true });
    const quietRuns = await Promise.all([1, 2, 3].map((age) => storedRun(database, quiet.id, age)));

    const retention = createRunRetention(database, { maxAgeDays: 0, maxRunsPerFlow: 3, batchSize: 2 });
    expect(await retention.pruneOnce(NOW)).toBe(4);
    // busyRuns is newest first: ages 1, 2, 3 stay.
    expect(await remaining([...busyRuns, pinned])).toEqual([...busyRuns.slice(0, 3), pinned].sort());
    expect(await remaining(quietRuns)).toEqual([...quietRuns].sort());
  });

  it("pins a run for whoever can read it, and for nobody else", async () => {
    const runs = createRunService({ db: database, flows: createFlowService(database) }, { maxConcurrentRuns: 1, runTimeoutMs: 1000 });
    const flow = await createFlowService(database).create(me, { name: "Pinned", graph: chatGraph() });
    const runId = await storedRun(database, flow.id, 90);
    expect(await runs.pin(me, runId, true)).toMatchObject({ id: runId, pinned: true });
    const stranger = await createTestUser(database);
    const refusal = await runs.pin(stranger.caller, runId, false).catch((error: unknown) => error);
    expect(isAppError(refusal) && refusal.code).toBe("NOT_FOUND");

    await createRunRetention(database, { maxAgeDays: 30, maxRunsPerFlow: 0 }).pruneOnce(NOW);
    expect(await remaining([runId])).toEqual([runId]);
    await runs.pin(me, runId, false);
    await createRunRetention(database, { maxAgeDays: 30, maxRunsPerFlow: 0 }).pruneOnce(NOW);
    expect(await remaining([runId])).toEqual([]);
  });
});

// PostgreSQL reclaims the space of deleted rows with its own autovacuum; a SQLite file needs telling.
describe("run history retention on a SQLite file", () => {
  let database: TestDb;
  const sqlite = testDatabases().find((each) => each.provider === "sqlite")!;

  beforeAll(async () => (database = await sqlite.create()));
  afterAll(async () => database?.drop());

  it("hands a SQLite file's freed pages back after pruning", async () => {
    const flow = await createFlowService(database).create(me, { name: "Bulky", graph: chatGraph() });
    const bulky = "x".repeat(50_000);
    for (let index = 0; index < 40; index += 1) {
      const runId = await storedRun(database, flow.id, 100);
      await database.prisma.runEvent.create({ data: { runId, seq: 3, type: "node.delta", payload: { text: bulky } } });
    }
    const pages = async () => Number(((await database.prisma.$queryRawUnsafe("PRAGMA page_count")) as { page_count: number | bigint }[])[0]!.page_count);
    const before = await pages();
    await createRunRetention(database, { maxAgeDays: 30, maxRunsPerFlow: 0 }).pruneOnce(NOW);
    // 40 x 50 KB is about 500 pages of 4 KB: most of them go back.
    expect(before - (await pages())).toBeGreaterThan(400);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chatGraph } from "@/testing/flow-graphs";
import { testDatabases } from "@/testing/databases";
import { localTestCaller as me } from "@/testing/trpc-caller";
import { createFlowService } from "@/server/services/flow-service";
import { createRunRows } from "./run-rows";

// Rows written in SQL must read back through Prisma exactly as Prisma's own writes do.
describe.each(testDatabases())("run rows written in SQL, read through Prisma, on $provider", ({ create }) => {
  let database: Awaited<ReturnType<typeof create>>;
  let flowId: string;

  beforeAll(async () => {
    database = await create();
    flowId = (await createFlowService(database).create(me, { name: "Rows", graph: chatGraph() })).id;
  });
  afterAll(async () => database?.drop());

  // Keys a JSON parse or a spread would treat specially: stored escaped, restored on read.
  const hostile = JSON.parse('{"__proto__": {"polluted": true}, "constructor": "c", "text": "naïve ☃ \\"quoted\\""}') as Record<string, unknown>;

  it("stores a run's start and outcome, JSON and times included", async () => {
    const rows = createRunRows(database);
    const createdAt = new Date("2026-11-30T10:00:00.123Z");
    const inserted = await rows.insertRun({ userId: me.userId, flowId, flowVersion: 1, status: "running", source: "api", sessionId: null, input: hostile, createdAt, startedAt: createdAt });
    expect(await database.prisma.run.findUnique({ where: { id: inserted.id } })).toEqual(inserted);

    const outcome = {
      status: "failed",
      lastSeq: 7,
      output: { result: hostile, list: [1, null, "x"] },
      error: { code: "node_failed", message: "it broke", nodeId: "llm" },
      inputTokens: 12,
      outputTokens: 34,
      finishedAt: new Date("2026-11-30T10:00:05.987Z"),
    };
    await rows.finishRun(inserted.id, outcome);
    const stored = await database.prisma.run.findUnique({ where: { id: inserted.id } });
    expect(stored).toEqual({ ...inserted, ...outcome });
    expect(Object.getPrototypeOf(stored!.output as object)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("keeps time order with rows Prisma writes, and stores a run without input as null", async () => {
    const rows = createRunRows(database);
    const earlier = await rows.insertRun({ userId: me.userId, flowId, flowVersion: 1, status: "queued", source: "canvas", sessionId: null, input: undefined, createdAt: new Date("2026-11-30T11:00:00.000Z"), startedAt: null });
    const later = await database.prisma.run.create({ data: { userId: me.userId, flowId, flowVersion: 1, status: "queued", createdAt: new Date("2026-11-30T11:00:00.001Z") } });
    const newest = await rows.insertRun({ userId: me.userId, flowId, flowVersion: 1, status: "queued", source: "canvas", sessionId: null, input: null, createdAt: new Date("2026-11-30T11:00:00.002Z"), startedAt: null });
    const ordered = await database.prisma.run.findMany({ where: { id: { in: [earlier.id, later.id, newest.id] } }, orderBy: { createdAt: "desc" } });
    expect(ordered.map((row) => row.id)).toEqual([newest.id, later.id, earlier.id]);
    const window = await database.prisma.run.count({ where: { id: { in: [earlier.id, later.id, newest.id] }, createdAt: { gt: new Date("2026-11-30T11:00:00.000Z") } } });
    expect(window).toBe(2);
    expect((await database.prisma.run.findUnique({ where: { id: earlier.id } }))?.input).toBeNull();

    await rows.markRunning(earlier.id, new Date("2026-11-30T11:00:01.000Z"));
    expect(await database.prisma.run.findUnique({ where: { id: earlier.id } })).toMatchObject({ status: "running", startedAt: new Date("2026-11-30T11:00:01.000Z") });
  });

  it("stores more event rows than one statement carries, in order, payloads intact", async () => {
    const rows = createRunRows(database);
    const run = await rows.insertRun({ userId: me.userId, flowId, flowVersion: 1, status: "running", source: "canvas", sessionId: null, input: "x", createdAt: new Date(), startedAt: new Date() });
    const events = Array.from({ length: 1203 }, (_, index) => ({
      runId: run.id,
      seq: index + 1,
      endSeq: index % 2 === 0 ? null : index + 1,
      type: index === 0 ? "run.started" : "node.delta",
      nodeId: index === 0 ? null : "llm",
      payload: index === 5 ? hostile : { text: `chunk ${index}`, at: 1_700_000_000_000 + index },
    }));
    await rows.insertEventRows(events);
    const stored = await database.prisma.runEvent.findMany({ where: { runId: run.id }, orderBy: { seq: "asc" } });
    expect(stored).toEqual(events);
  });
});

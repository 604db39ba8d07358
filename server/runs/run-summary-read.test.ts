import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chatGraph } from "@/testing/flow-graphs";
import { testDatabases } from "@/testing/databases";
import { localTestCaller as me } from "@/testing/trpc-caller";
import { createFlowService } from "@/server/services/flow-service";
import { toRunSummary } from "./run-records.ts";
import { createRunRows } from "./run-rows.ts";
import { listRunSummaries } from "./run-summary-read.ts";

// The list read on the driver must answer exactly what Prisma's rows made into summaries answer.
describe.each(testDatabases())("run summaries read on the driver, on $provider", ({ create }) => {
  let database: Awaited<ReturnType<typeof create>>;
  let flowId: string;

  beforeAll(async () => {
    database = await create();
    flowId = (await createFlowService(database).create(me, { name: "Listed", graph: chatGraph() })).id;
    const rows = createRunRows(database);
    const error = JSON.parse('{"code": "node_failed", "message": "naïve ☃", "__proto__": {"polluted": true}}') as unknown;
    for (let index = 0; index < 3; index += 1) {
      const createdAt = new Date(Date.UTC(2026, 10, 30, 10, 0, index, 123));
      const run = await rows.insertRun({ userId: me.userId, flowId, flowVersion: 1, status: "running", source: "api", sessionId: null, input: "go", createdAt, startedAt: createdAt });
      if (index < 2) await rows.finishRun(run.id, { status: index === 0 ? "failed" : "succeeded", lastSeq: 4, output: "out", error: index === 0 ? error : null, inputTokens: 7, outputTokens: 9, finishedAt: new Date(createdAt.getTime() + 1500) });
    }
    await database.prisma.run.updateMany({ where: { flowId, status: "failed" }, data: { pinned: true } });
  });
  afterAll(async () => database?.drop());

  it("answers what Prisma's rows answer, newest first, whatever the process's time zone", async () => {
    const zone = process.env.TZ;
    process.env.TZ = "Pacific/Auckland";
    try {
      const expected = (await database.prisma.run.findMany({ where: { flowId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] })).map(toRunSummary);
      const listed = await listRunSummaries(database, me, flowId, 50);
      expect(listed).toEqual(expected);
      expect(listed.map((run) => run.status)).toEqual(["running", "succeeded", "failed"]);
      expect(listed[2]).toMatchObject({ pinned: true, durationMs: 1500, usage: { inputTokens: 7, outputTokens: 9 } });
      expect(Object.getPrototypeOf(listed[2]!.error)).toBe(Object.prototype);
      expect(await listRunSummaries(database, me, flowId, 1)).toEqual(expected.slice(0, 1));
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("lists none of another person's runs on a flow they do not own", async () => {
    expect(await listRunSummaries(database, { userId: "someone-else" }, flowId, 50)).toEqual([]);
  });
});

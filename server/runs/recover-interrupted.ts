// At server start, no run can still be executing: runs left queued or running by an earlier process are
// marked interrupted, with a final event so a watcher's stream ends and the canvas can say what happened.
import type { Db } from "@/server/db/client";
import { lastSeqOfRow, toRunEventRow } from "./run-event-rows.ts";

const MESSAGE = "The server stopped while this run was in progress.";

export async function recoverInterruptedRuns({ prisma }: Db, now = new Date()): Promise<string[]> {
  const stale = await prisma.run.findMany({ where: { status: { in: ["queued", "running"] } }, select: { id: true } });
  for (const { id } of stale) {
    await prisma.$transaction(async (tx) => {
      const last = await tx.runEvent.findFirst({ where: { runId: id }, orderBy: { seq: "desc" }, select: { seq: true, endSeq: true } });
      const seq = (last ? lastSeqOfRow(last) : 0) + 1;
      const event = { runId: id, seq, at: now.toISOString(), type: "run.failed", code: "interrupted", message: MESSAGE, durationMs: 0 } as const;
      await tx.runEvent.create({ data: toRunEventRow((last?.seq ?? 0) + 1, [event]) as Parameters<typeof tx.runEvent.create>[0]["data"] });
      await tx.run.update({
        where: { id },
        data: { status: "interrupted", lastSeq: seq, error: { code: "interrupted", message: MESSAGE }, finishedAt: now },
      });
    });
  }
  return stale.map((run) => run.id);
}

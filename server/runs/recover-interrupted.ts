// Runs whose process stopped before they ended: marked interrupted, with a final event so a watcher's stream
// ends and the canvas can say what happened. In local mode, at server start every run left queued or running
// is one (no other process executes runs); in queue mode a worker that notices another's run stalled ends that
// one run (server/queue/run-worker.ts), first storing the events its stream had that storage lacked.
import type { RunEvent } from "@/lib/engine/events";
import type { Db } from "@/server/db/client";
import { lastSeqOfRow, toRunEventRow } from "./run-event-rows.ts";
import { INTERRUPTED } from "./run-execution.ts";

const SERVER_STOPPED = "The server stopped while this run was in progress.";

/** Why a run is being ended, and the events it emitted that storage may lack (from its live stream). */
export type Interruption = { message: string; now?: Date; emitted?: RunEvent[] };

/**
 * Ends run `runId` `interrupted` if it is still queued or running: stores the `emitted` events storage does
 * not have yet, then the final `run.failed` event (code "interrupted"), and finishes the row, in one
 * transaction. Answers the final event, or undefined when the run had already ended (someone else ended it).
 */
export async function interruptRun({ prisma }: Db, runId: string, { message, now = new Date(), emitted = [] }: Interruption): Promise<RunEvent | undefined> {
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.run.updateMany({ where: { id: runId, status: { in: ["queued", "running"] } }, data: { status: INTERRUPTED } });
    if (claimed.count === 0) return undefined;
    const last = await tx.runEvent.findFirst({ where: { runId }, orderBy: { seq: "desc" }, select: { seq: true, endSeq: true } });
    let rowSeq = last?.seq ?? 0;
    let lastSeq = last ? lastSeqOfRow(last) : 0;
    const missing = emitted.filter((event) => event.seq > lastSeq).sort((a, b) => a.seq - b.seq);
    const event: RunEvent = { runId, seq: (missing.at(-1)?.seq ?? lastSeq) + 1, at: now.toISOString(), type: "run.failed", code: INTERRUPTED, message, durationMs: 0 };
    for (const each of [...missing, event]) {
      await tx.runEvent.create({ data: toRunEventRow(++rowSeq, [each]) as Parameters<typeof tx.runEvent.create>[0]["data"] });
      lastSeq = each.seq;
    }
    await tx.run.update({ where: { id: runId }, data: { lastSeq, error: { code: INTERRUPTED, message }, finishedAt: now } });
    return event;
  });
}

/** Local mode, at server start: no run can still be executing, so every run left queued or running is interrupted. */
export async function recoverInterruptedRuns(db: Db, now = new Date()): Promise<string[]> {
  const stale = await db.prisma.run.findMany({ where: { status: { in: ["queued", "running"] } }, select: { id: true } });
  for (const { id } of stale) await interruptRun(db, id, { message: SERVER_STOPPED, now });
  return stale.map((run) => run.id);
}

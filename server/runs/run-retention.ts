// Run history is pruned in the background so it does not grow without bound: finished runs older than the
// retention age, and a flow's finished runs past the newest `maxRunsPerFlow`, are deleted with their events
// (the foreign key cascades). Pinned runs and runs still queued or running are never touched. Work goes in
// small batches with a turn of the event loop between them, so runs and requests are not held up, and a
// SQLite file hands the freed pages back to the file system (incremental vacuum; see server/db/migrate.ts).
import { setImmediate as nextTurn } from "node:timers/promises";
import type { Db } from "@/server/db/client";
import { reclaimSqliteSpace } from "@/server/db/sqlite-vacuum";

/** `maxAgeDays` and `maxRunsPerFlow`: 0 turns that bound off (OSMEN_RUN_RETENTION_DAYS / _COUNT). */
export type RetentionPolicy = { maxAgeDays: number; maxRunsPerFlow: number; batchSize?: number };

/** Runs past these states are history; the others are still someone's work. */
const FINISHED = ["succeeded", "failed", "cancelled", "interrupted"];
const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_BATCH = 200;
/** SQLite pages handed back per batch: bounded, so a large prune does not stall the database in one go. */
const VACUUM_PAGES_PER_BATCH = 2000;

export type RunRetention = {
  /** Prunes everything the policy allows now; resolves to the number of runs deleted. */
  pruneOnce(now?: Date): Promise<number>;
  /** Prunes every `intervalMs` (first after `firstDelayMs`) until the returned stop function is called. */
  start(intervalMs: number, firstDelayMs?: number): () => void;
};

export function createRunRetention(db: Db, policy: RetentionPolicy): RunRetention {
  const { prisma } = db;
  const batchSize = policy.batchSize ?? DEFAULT_BATCH;
  const prunable = { pinned: false, status: { in: FINISHED } };

  /** Deletes the given runs, then hands the space back; answers how many went. */
  async function deleteBatch(ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const { count } = await prisma.run.deleteMany({ where: { id: { in: ids }, ...prunable } });
    if (db.provider === "sqlite") reclaimSqliteSpace(db.url, VACUUM_PAGES_PER_BATCH);
    await nextTurn();
    return count;
  }

  async function pruneByAge(now: Date): Promise<number> {
    if (policy.maxAgeDays === 0) return 0;
    const cutoff = new Date(now.getTime() - policy.maxAgeDays * DAY_MS);
    let deleted = 0;
    for (;;) {
      const rows = await prisma.run.findMany({ where: { ...prunable, createdAt: { lt: cutoff } }, select: { id: true }, take: batchSize });
      deleted += await deleteBatch(rows.map((row) => row.id));
      if (rows.length < batchSize) return deleted;
    }
  }

  async function pruneByCount(): Promise<number> {
    if (policy.maxRunsPerFlow === 0) return 0;
    const crowded = await prisma.run.groupBy({
      by: ["flowId"],
      where: prunable,
      _count: { _all: true },
      having: { flowId: { _count: { gt: policy.maxRunsPerFlow } } },
    });
    let deleted = 0;
    for (const { flowId } of crowded) {
      for (;;) {
        // The newest `maxRunsPerFlow` stay; each pass deletes the oldest batch beyond them.
        const rows = await prisma.run.findMany({
          where: { ...prunable, flowId },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          skip: policy.maxRunsPerFlow,
          take: batchSize,
          select: { id: true },
        });
        deleted += await deleteBatch(rows.map((row) => row.id));
        if (rows.length < batchSize) break;
      }
    }
    return deleted;
  }

  const pruneOnce = async (now = new Date()) => (await pruneByAge(now)) + (await pruneByCount());

  function start(intervalMs: number, firstDelayMs = intervalMs): () => void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let isStopped = false;
    const tick = async () => {
      try {
        const deleted = await pruneOnce();
        if (deleted > 0) console.log(`[runs] pruned ${deleted} run(s) past the retention policy`);
      } catch (error) {
        console.error("[runs] pruning run history failed:", error);
      }
      if (!isStopped) schedule(intervalMs);
    };
    const schedule = (delayMs: number) => {
      timer = setTimeout(() => void tick(), delayMs);
      // The pruner never keeps a process alive on its own.
      timer.unref?.();
    };
    schedule(firstDelayMs);
    return () => {
      isStopped = true;
      clearTimeout(timer);
    };
  }

  return { pruneOnce, start };
}

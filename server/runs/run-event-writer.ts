// Stores a run's events in order, batching those that arrive in the same tick into one insert. Writes are
// chained, so they land in seq order; `flushed()` resolves once everything emitted so far is stored.
import type { RunEvent } from "@/lib/engine/events";
import type { PrismaDb } from "@/server/db/client";

export type RunEventWriter = { write(event: RunEvent): void; flushed(): Promise<void> };

export function createRunEventWriter(prisma: PrismaDb, runId: string, onError: (error: unknown) => void): RunEventWriter {
  let pending: RunEvent[] = [];
  let chain: Promise<void> = Promise.resolve();
  let isScheduled = false;

  const flush = async () => {
    isScheduled = false;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    const rows = batch.map((event) => ({ runId, seq: event.seq, type: event.type, nodeId: "nodeId" in event ? event.nodeId : null, payload: event as object }));
    await prisma.$transaction([
      prisma.runEvent.createMany({ data: rows }),
      prisma.run.update({ where: { id: runId }, data: { lastSeq: batch.at(-1)!.seq } }),
    ]);
  };

  return {
    write(event) {
      pending.push(event);
      if (isScheduled) return;
      isScheduled = true;
      chain = chain.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(flush).catch(onError);
    },
    flushed: () => chain,
  };
}

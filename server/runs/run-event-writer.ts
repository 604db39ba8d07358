// Stores run events in order, for every run of the process at once: events that arrive in the same tick,
// from any number of runs, go into one insert. Writes are chained, so they land in seq order; `flushed()`
// resolves once everything emitted so far is stored. A run's `lastSeq` is written when it finishes.
import type { RunEvent } from "@/lib/engine/events";
import type { PrismaDb } from "@/server/db/client";

export type RunEventWriter = { write(event: RunEvent): void; flushed(): Promise<void> };

export function createRunEventWriter(prisma: PrismaDb, onError: (error: unknown, events: RunEvent[]) => void): RunEventWriter {
  let pending: RunEvent[] = [];
  let chain: Promise<void> = Promise.resolve();
  let isScheduled = false;

  const flush = async () => {
    isScheduled = false;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    const rows = batch.map((event) => ({ runId: event.runId, seq: event.seq, type: event.type, nodeId: "nodeId" in event ? event.nodeId : null, payload: event as object }));
    await prisma.runEvent.createMany({ data: rows }).catch((error: unknown) => onError(error, batch));
  };

  return {
    write(event) {
      pending.push(event);
      if (isScheduled) return;
      isScheduled = true;
      chain = chain.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(flush);
    },
    flushed: () => chain,
  };
}

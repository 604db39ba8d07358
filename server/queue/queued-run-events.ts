// A run's events after a given seq in queue mode, on any app instance: a finished run's come from storage
// (the worker stored them all before finishing its row); a live or waiting run's come from its Redis stream
// (run-streams.ts), which holds every event from the first while the run lives. When the stream goes quiet,
// the row is read again: a run can end without a last event in its stream (a server error on its worker),
// and storage then has the rest.
import type { RunEvent } from "@/lib/engine/events";
import type { PrismaDb } from "@/server/db/client";
import { isFinished, storedEventsAfter } from "@/server/runs/run-event-stream";
import type { RunStreamFollower } from "./run-streams.ts";

/** How long a live run's stream may stay quiet before its row is read again. */
const IDLE_MS = 5000;

export async function* streamQueuedRunEvents(
  prisma: PrismaDb,
  follower: RunStreamFollower,
  runId: string,
  afterSeq: number,
  signal?: AbortSignal,
): AsyncGenerator<RunEvent> {
  let lastSeq = afterSeq;
  while (!signal?.aborted) {
    const run = await prisma.run.findUnique({ where: { id: runId }, select: { status: true } });
    if (!run) return;
    if (isFinished(run.status)) {
      yield* storedEventsAfter(prisma, runId, lastSeq);
      return;
    }
    const live = follower.follow(runId, lastSeq, { idleMs: IDLE_MS, signal });
    try {
      for (;;) {
        const next = await live.next();
        if (next.done) {
          if (next.value !== "idle") return;
          break;
        }
        lastSeq = next.value.seq;
        yield next.value;
      }
    } finally {
      // A watcher that leaves early (a closed connection) stops listening at once.
      await live.return("aborted");
    }
  }
}

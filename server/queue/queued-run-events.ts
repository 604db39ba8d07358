// A run's events after a given seq in queue mode, on any app instance: a finished run's come from storage
// (the worker stored them all before finishing its row); a live or waiting run's come from its Redis stream
// (run-streams.ts), which holds every event from the first while the run lives. When the stream goes quiet,
// the row is read again: a run can end without a last event in its stream (a server error on its worker),
// and storage then has the rest. Events a restarted Redis lost are read from storage too.
import type { RunEvent } from "@/lib/engine/events";
import type { PrismaDb } from "@/server/db/client";
import { isFinished, storedEventsAfter } from "@/server/runs/run-event-stream";
import type { FollowEnd, RunStreamFollower } from "./run-streams.ts";

/** How long a live run's stream may stay quiet before its row is read again. */
const IDLE_MS = 5000;
/** How long to wait for storage to catch up when neither it nor the stream has a run's next event. */
const GAP_RETRY_MS = 500;

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
    let end: FollowEnd;
    try {
      for (;;) {
        const next = await live.next();
        if (next.done) {
          end = next.value;
          break;
        }
        lastSeq = next.value.seq;
        yield next.value;
      }
    } finally {
      // A watcher that leaves early (a closed connection) stops listening at once.
      await live.return("aborted");
    }
    if (end === "ended" || end === "aborted") return;
    if (end === "gap") {
      // Events the stream lost are in storage, or will be once the worker's writer stores what it holds.
      const before = lastSeq;
      for await (const event of storedEventsAfter(prisma, runId, lastSeq)) {
        lastSeq = event.seq;
        yield event;
      }
      if (lastSeq === before) await new Promise((resolve) => setTimeout(resolve, GAP_RETRY_MS));
    }
  }
}

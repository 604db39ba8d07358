// A run's events after a given seq: the stored ones, then the live ones, each exactly once, ending with the
// run's last event. Works for runs live in this process and, by polling storage, for any other (queue mode
// follows Redis instead: server/queue/queued-run-events.ts). A live run's
// terminal event is its last, so its stream ends there without asking storage whether more will come; from
// storage, the stream ends once the run's row is finished too.
import { createEventQueue } from "@/lib/engine/event-sink";
import { terminalEventTypes, type RunEvent } from "@/lib/engine/events";
import type { PrismaDb } from "@/server/db/client";
import { eventsAfter, rowsAfterWhere } from "./run-event-rows.ts";
import type { RunHub } from "./run-hub.ts";

/** Rows per read; a row may hold many deltas (run-event-rows.ts). */
const PAGE_SIZE = 500;
const POLL_MS = 250;

function aborted(signal: AbortSignal | undefined): Promise<"aborted"> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve("aborted");
    signal?.addEventListener("abort", () => resolve("aborted"), { once: true });
  });
}

async function* followLive(hub: RunHub, runId: string, afterSeq: number, stop: Promise<"aborted">): AsyncGenerator<RunEvent> {
  const queue = createEventQueue<RunEvent>();
  const attached = hub.attach(runId, afterSeq, (event) => (event ? queue.push(event) : queue.close()));
  if (!attached) return;
  try {
    for (const event of attached.backlog) queue.push(event);
    const iterator = queue.iterable[Symbol.asyncIterator]();
    for (;;) {
      const next = await Promise.race([iterator.next(), stop]);
      if (next === "aborted" || next.done) return;
      yield next.value;
    }
  } finally {
    attached.detach();
  }
}

/** The stored events of a run after `afterSeq`, page by page, in order (what storage holds now). */
export async function* storedEventsAfter(prisma: PrismaDb, runId: string, afterSeq: number): AsyncGenerator<RunEvent> {
  let lastSeq = afterSeq;
  for (;;) {
    const rows = await prisma.runEvent.findMany({ where: rowsAfterWhere(runId, lastSeq), orderBy: { seq: "asc" }, take: PAGE_SIZE });
    for (const event of eventsAfter(rows, lastSeq)) {
      lastSeq = event.seq;
      yield event;
    }
    if (rows.length < PAGE_SIZE) return;
  }
}

/** Whether a run's stored status is final. */
export const isFinished = (status: string) => !["queued", "running"].includes(status);

export async function* streamRunEvents(
  prisma: PrismaDb,
  hub: RunHub,
  runId: string,
  afterSeq: number,
  signal?: AbortSignal,
): AsyncGenerator<RunEvent> {
  let lastSeq = afterSeq;
  const stop = aborted(signal);
  while (!signal?.aborted) {
    if (hub.isLive(runId)) {
      for await (const event of followLive(hub, runId, lastSeq, stop)) {
        lastSeq = event.seq;
        yield event;
        if (terminalEventTypes.has(event.type)) return;
      }
      continue;
    }
    for await (const event of storedEventsAfter(prisma, runId, lastSeq)) {
      lastSeq = event.seq;
      yield event;
    }
    const run = await prisma.run.findUnique({ where: { id: runId }, select: { status: true, lastSeq: true } });
    if (!run || (isFinished(run.status) && run.lastSeq <= lastSeq)) return;
    await Promise.race([new Promise((resolve) => setTimeout(resolve, POLL_MS)), stop]);
  }
}

// The app instance's side of queue mode: runs are stored here and enqueued for workers (run-queue.ts), and
// their live events are followed from Redis (queued-run-events.ts), whichever worker executes them. A run
// cancelled before any worker took it is ended here; one a worker holds is stopped by that worker.
import type { RunEvent } from "@/lib/engine/events";
import type { Db } from "@/server/db/client";
import type { RunDispatcher } from "@/server/runs/run-dispatch";
import type { RunExecution } from "@/server/runs/run-execution";
import { getLogger } from "@/server/log/logger";
import { streamQueuedRunEvents } from "./queued-run-events.ts";
import type { RunQueue } from "./run-queue.ts";
import type { RunStreamFollower, RunStreamPublisher } from "./run-streams.ts";

export type QueuedRunsParts = {
  queue: RunQueue;
  follower: RunStreamFollower;
  publisher: RunStreamPublisher;
  /** This process's execution: on an app instance it only ends runs cancelled before a worker took them. */
  execution: RunExecution;
};

export function createQueuedRuns(db: Db, { queue, follower, publisher, execution }: QueuedRunsParts): RunDispatcher {
  const publishAndEnd = (event: RunEvent) => {
    publisher
      .publish(event)
      .then(() => publisher.end(event.runId))
      .catch((error: unknown) => getLogger().error({ err: error, runId: event.runId }, "publishing a run's last event failed"));
  };

  return {
    async admit(runId) {
      if (!(await queue.admit(runId))) return null;
      return {
        status: "queued",
        dispatch: (run, _plan, given) => queue.enqueue(run.id, { history: given.history ?? [] }),
        withdraw: () => queue.release(runId),
      };
    },
    async cancel(run) {
      if (run.status === "queued" && (await queue.withdraw(run.id))) {
        await execution.finishCancelledBeforeStart(run, publishAndEnd);
        return;
      }
      await queue.requestCancel(run.id);
    },
    events: (runId, afterSeq, signal) => streamQueuedRunEvents(db.prisma, follower, runId, afterSeq, signal),
    finishedRow: () => undefined,
    starterOf: () => undefined,
    // Runs executing in this process (a worker's; none on an app instance), and the shared queue's waiting runs.
    stats: async () => ({ running: execution.running, queued: (await queue.counts()).queued }),
    // Runs execute on workers; nothing started here is left to wait for.
    idle: async () => undefined,
  };
}

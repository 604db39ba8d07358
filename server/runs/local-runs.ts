// Runs executed in the process that stores them: at most `maxConcurrentRuns` at once, the rest waiting in
// order (run-slots.ts); live events fan out through the in-process hub (run-hub.ts). The default mode, and
// the only one on SQLite.
import type { RunEvent } from "@/lib/engine/events";
import type { Db } from "@/server/db/client";
import type { Run as RunRow } from "@/server/db/generated/sqlite/client";
import { getLogger } from "@/server/log/logger";
import type { RunDispatcher } from "./run-dispatch.ts";
import { streamRunEvents } from "./run-event-stream.ts";
import type { RunExecution } from "./run-execution.ts";
import { createRunHub } from "./run-hub.ts";
import { createRunSlots, type RunSlotTicket } from "./run-slots.ts";

export type LocalRunsOptions = {
  maxConcurrentRuns: number;
  /** Runs that may wait for a slot; past it a start is refused (OSMEN_MAX_QUEUED_RUNS). Default: no bound. */
  maxQueuedRuns?: number;
};

export function createLocalRuns(db: Db, execution: RunExecution, options: LocalRunsOptions): RunDispatcher {
  const hub = createRunHub();
  const slots = createRunSlots(options.maxConcurrentRuns, options.maxQueuedRuns);
  const controllers = new Map<string, AbortController>();
  /** The runs this process is executing, by id: each settles with the run's final row (undefined if that is unknown). */
  const background = new Map<string, Promise<RunRow | undefined>>();
  /** Who started each run this process is executing: they may always read it, so following it asks the database nothing. */
  const starters = new Map<string, string>();
  const publish = (event: RunEvent) => hub.publish(event);

  /** `slot`: the release function of the slot the run already holds, or the ticket to wait for one with. */
  async function runInBackground(run: RunRow, slot: RunSlotTicket | (() => void), start: (signal: AbortSignal) => Promise<RunRow | undefined>, controller: AbortController) {
    try {
      const release = typeof slot === "function" ? slot : await slot.acquire(controller.signal).catch(() => undefined);
      if (!release) {
        await execution.finishCancelledBeforeStart(run, publish);
        return undefined;
      }
      try {
        return await start(controller.signal);
      } finally {
        release();
      }
    } catch (error) {
      getLogger().error({ err: error, runId: run.id }, "ending a cancelled run failed");
      return undefined;
    } finally {
      controllers.delete(run.id);
      hub.close(run.id);
    }
  }

  return {
    async admit() {
      const ticket = slots.reserve();
      if (!ticket) return null;
      // With a slot free, the run is stored as running at once: one write instead of a queued row and an update.
      const releaseSlot = ticket.acquireNow();
      return {
        status: releaseSlot ? "running" : "queued",
        async dispatch(run, plan, given) {
          hub.open(run.id);
          const controller = new AbortController();
          controllers.set(run.id, controller);
          starters.set(run.id, run.userId);
          const start = (signal: AbortSignal) => execution.execute(run, plan, given, signal, publish);
          const task = runInBackground(run, releaseSlot ?? ticket, start, controller).finally(() => {
            background.delete(run.id);
            starters.delete(run.id);
          });
          background.set(run.id, task);
        },
        async withdraw() {
          if (releaseSlot) releaseSlot();
          else ticket.cancel();
        },
      };
    },
    async cancel(run) {
      controllers.get(run.id)?.abort(new Error("cancelled"));
    },
    events: (runId, afterSeq, signal) => streamRunEvents(db.prisma, hub, runId, afterSeq, signal),
    finishedRow: (runId) => background.get(runId),
    starterOf: (runId) => starters.get(runId),
    stats: () => ({ running: slots.running, queued: slots.waiting }),
    idle: async () => void (await Promise.all([...background.values()])),
  };
}

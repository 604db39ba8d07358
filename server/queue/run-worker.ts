// A worker process's runs: a BullMQ worker takes run jobs (job id = run id) and executes each stored run on
// the engine (server/runs/run-execution.ts), its events going to PostgreSQL and to the run's Redis stream.
// - A run's last event is published after its row is finished, so whoever sees it can read the final row.
// - Cancel requests arrive on a pub/sub channel (run-queue.ts) and abort the run's engine and model calls.
// - A worker that dies mid-run stops renewing its job's lock; another worker's stalled-job check notices,
//   BullMQ fails the job rather than retrying it (maxStalledCount 0: a run is never executed twice), and that
//   worker ends the run `interrupted`, storing first the events the dead worker streamed but never stored.
// - Stopping (SIGTERM: `close`) takes no new jobs, lets running runs finish for `shutdownMs`, then ends the rest
//   `interrupted`.
import { hostname } from "node:os";
import { Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import { EngineError } from "@/lib/engine/errors";
import { terminalEventTypes, type RunEvent } from "@/lib/engine/events";
import { compile } from "@/lib/flow/compile";
import { credentialIdsOf } from "@/lib/flow/credential-refs";
import type { CredentialMap } from "@/lib/flow/node-kind";
import type { FlowGraph } from "@/lib/flow/graph-schema";
import type { Db } from "@/server/db/client";
import type { Run as RunRow } from "@/server/db/generated/sqlite/client";
import type { Logger } from "@/server/log/logger";
import { interruptRun } from "@/server/runs/recover-interrupted";
import { INTERRUPTED, type RunExecution } from "@/server/runs/run-execution";
import { bullOptions, CANCEL_CHANNEL, RUN_QUEUE, type RunJobData, type RunQueue } from "./run-queue.ts";
import type { RunStreamPublisher } from "./run-streams.ts";

const WORKER_STOPPED = "The worker running this run stopped before it finished.";
const WORKER_LOST = "The worker running this run stopped responding.";
const WORKER_ERROR = "The worker running this run met a server error.";
/** Runs stored this long ago and still unfinished with no job behind them were lost between storing and enqueuing. */
const ORPHAN_AGE_MS = 60_000;

export type RunWorkerParts = {
  db: Db;
  execution: RunExecution;
  queue: RunQueue;
  publisher: RunStreamPublisher;
  /** A connection this worker puts into subscriber mode (cancel requests). */
  subscriber: Redis;
  /** A connection for BullMQ's worker (blocking commands: not shared). */
  bullmq: Redis;
  /** The graph a run executes: its flow at the version it was started on (flow-service storedGraphAt). */
  graphAt(flowId: string, version: number): Promise<FlowGraph | null>;
  /** As the run service's option: the run user's credentials a flow names, for the compile check. */
  describeCredentials?: (runUserId: string, ids: string[]) => Promise<CredentialMap>;
  logger: Logger;
};

export type RunWorkerOptions = {
  /** Runs executed at once (OSMEN_WORKER_CONCURRENCY). */
  concurrency: number;
  /** How soon a dead worker's runs are noticed (OSMEN_STALLED_MS): lock and check interval are a third each. */
  stalledMs: number;
  /** How long `close` lets running runs finish (OSMEN_SHUTDOWN_MS). */
  shutdownMs: number;
};

export type RunWorker = {
  /** Runs this worker is executing now. */
  readonly running: number;
  /** Resolves once the worker is connected and taking jobs. */
  ready(): Promise<void>;
  /** Stops taking jobs, waits up to `shutdownMs` for running runs, ends the rest `interrupted`, disconnects. */
  close(): Promise<void>;
};

export function createRunWorker(parts: RunWorkerParts, options: RunWorkerOptions): RunWorker {
  const { db, execution, queue, publisher, subscriber, logger } = parts;
  const controllers = new Map<string, AbortController>();

  subscriber.on("message", (channel: string, runId: string) => {
    if (channel === CANCEL_CHANNEL) controllers.get(runId)?.abort(new Error("cancelled"));
  });
  const listening = subscriber.subscribe(CANCEL_CHANNEL);

  /** A run's events go out live as they come, except its last, which waits until the row is finished. */
  function livePublisher(runId: string) {
    let last: RunEvent | undefined;
    const report = (error: unknown) => logger.error({ err: error, runId }, "publishing a run event failed");
    return {
      publish(event: RunEvent) {
        if (terminalEventTypes.has(event.type)) last = event;
        else publisher.publish(event).catch(report);
      },
      async finish() {
        if (last) await publisher.publish(last).catch(report);
        await publisher.end(runId).catch(report);
      },
    };
  }

  async function execute(job: Job<RunJobData>, run: RunRow, signal: AbortSignal) {
    const live = livePublisher(run.id);
    try {
      if (signal.aborted) return await execution.finishCancelledBeforeStart(run, live.publish);
      const graph = await parts.graphAt(run.flowId, run.flowVersion);
      if (!graph) return await execution.finishFailedBeforeStart(run, { code: "flow_missing", message: "The flow this run was started on no longer exists." }, live.publish);
      const credentials = await parts.describeCredentials?.(run.userId, credentialIdsOf(graph));
      const { plan, diagnostics } = compile(graph, { credentials });
      if (!plan) {
        const problems = diagnostics.filter((diagnostic) => diagnostic.severity === "error").map((diagnostic) => diagnostic.message);
        return await execution.finishFailedBeforeStart(run, { code: "invalid_flow", message: `The flow cannot run: ${problems.join(" ")}` }, live.publish);
      }
      await execution.execute(run, plan, { input: run.input, history: job.data.history }, signal, live.publish);
    } finally {
      await live.finish();
    }
  }

  async function processJob(job: Job<RunJobData>): Promise<void> {
    const runId = job.id!;
    const controller = new AbortController();
    controllers.set(runId, controller);
    try {
      await queue.release(runId);
      // A cancel published before this worker listened for the run is still waiting in its key.
      if (await queue.isCancelRequested(runId)) controller.abort(new Error("cancelled"));
      const run = await db.prisma.run.findUnique({ where: { id: runId } });
      // Gone (its flow was deleted) or already ended (cancelled while waiting, or interrupted): nothing to do.
      if (!run || run.status !== "queued") return;
      await execute(job, run, controller.signal);
    } finally {
      controllers.delete(runId);
    }
  }

  const worker = new Worker<RunJobData>(RUN_QUEUE, processJob, {
    ...bullOptions(parts.bullmq),
    // BullMQ stores it as each job's processedBy: which process holds a run, for an operator (or a test) to find.
    name: `${hostname()}:${process.pid}`,
    concurrency: options.concurrency,
    lockDuration: Math.max(1000, Math.floor(options.stalledMs / 3)),
    stalledInterval: Math.max(1000, Math.floor(options.stalledMs / 3)),
    maxStalledCount: 0,
  });
  worker.on("error", (error) => logger.error({ err: error }, "run worker error"));
  // A job that threw before its run could end (storage unreachable when the run was read): the run must not
  // stay queued or running for ever, so it ends as a worker's stop would end it.
  worker.on("failed", (job, error) => {
    if (!job?.id || /stalled/i.test(error.message)) return;
    logger.error({ err: error, runId: job.id }, "run job failed");
    void interrupt(job.id, WORKER_ERROR);
  });
  // Another worker's run whose lock lapsed: BullMQ has failed its job (no retry); end the run here.
  worker.on("stalled", (runId) => void interrupt(runId, WORKER_LOST));

  /** Ends a run whose worker is gone, copying what its stream had that storage lacks, and publishes the end. */
  async function interrupt(runId: string, message: string) {
    try {
      const emitted = await publisher.read(runId);
      const event = await interruptRun(db, runId, { message, emitted });
      if (!event) return;
      logger.warn({ runId }, "run interrupted: its worker stopped");
      await publisher.publish(event);
      await publisher.end(runId);
    } catch (error) {
      logger.error({ err: error, runId }, "ending an interrupted run failed");
    }
  }

  /**
   * Runs left unfinished with no job behind them: a worker that died while no other was running, or an app
   * instance that stopped between storing a run and enqueuing it. Checked once when a worker starts.
   */
  async function recoverOrphans() {
    const before = new Date(Date.now() - ORPHAN_AGE_MS);
    const unfinished = await db.prisma.run.findMany({ where: { status: { in: ["queued", "running"] }, createdAt: { lt: before } }, select: { id: true } });
    for (const { id } of unfinished) {
      const state = await queue.stateOf(id);
      if (state === "unknown" || state === "failed" || state === "completed") await interrupt(id, WORKER_LOST);
    }
  }

  const ready = (async () => {
    await listening;
    await worker.waitUntilReady();
    await recoverOrphans().catch((error: unknown) => logger.error({ err: error }, "recovering orphaned runs failed"));
  })();

  return {
    get running() {
      return controllers.size;
    },
    ready: () => ready,
    async close() {
      const stopping = worker.close();
      const timer = setTimeout(() => {
        for (const controller of controllers.values()) controller.abort(new EngineError(INTERRUPTED, WORKER_STOPPED));
      }, options.shutdownMs);
      try {
        await stopping;
      } finally {
        clearTimeout(timer);
        await subscriber.unsubscribe(CANCEL_CHANNEL).catch(() => undefined);
      }
    },
  };
}

// A worker process (`npm run worker`): the process's App in queue mode, executing runs from the queue until it
// is told to stop, with its own health and metrics endpoints on OSMEN_WORKER_PORT (worker-health.ts). SIGTERM
// or SIGINT stop it gracefully (run-worker.ts `close`); a second signal, sent at least a second later, exits at once.
import { getApp } from "@/server/app";
import { resolveAuthMode } from "@/server/auth/auth-mode";
import { loadServerEnv } from "@/server/env.mjs";
import { checkReadiness } from "@/server/health/readiness";
import { createRunWorker, type RunWorker } from "./run-worker.ts";
import { startWorkerHealthServer } from "./worker-health.ts";

/** A started worker: its runs and how to stop it. */
export type WorkerProcess = { worker: RunWorker; stop(): Promise<void> };

/**
 * Starts executing runs. @throws Error naming the fix when REDIS_URL is unset (a worker has nothing to take
 * runs from), or when the database cannot be prepared.
 */
export async function startWorkerProcess(): Promise<WorkerProcess> {
  const env = loadServerEnv();
  const app = getApp();
  if (!app.queue) throw new Error("A worker takes runs from Redis: set REDIS_URL (e.g. redis://127.0.0.1:6379) and a PostgreSQL DATABASE_URL, as for the app instances.");
  await app.ready();
  const { queue, publisher, subscriber, bullmq } = app.queue;
  const worker = createRunWorker(
    {
      db: app.db,
      execution: app.execution,
      queue,
      publisher,
      subscriber,
      bullmq,
      graphAt: (flowId, version) => app.services.flows.storedGraphAt(flowId, version),
      describeCredentials: (userId, ids) => app.services.credentials.describe({ userId }, ids),
      logger: app.logger,
    },
    { concurrency: env.OSMEN_WORKER_CONCURRENCY, stalledMs: env.OSMEN_STALLED_MS, shutdownMs: env.OSMEN_SHUTDOWN_MS },
  );
  await worker.ready();
  const health =
    env.OSMEN_WORKER_PORT === 0
      ? undefined
      : await startWorkerHealthServer({
          port: env.OSMEN_WORKER_PORT,
          host: env.HOST,
          readiness: () => checkReadiness(app),
          metrics: app.metrics,
          metricsToken: env.OSMEN_METRICS_TOKEN,
          // The app's rule for an unguarded /metrics, OSMEN_AUTH included: a worker beside an accounts-mode app
          // must not serve what the app keeps shut.
          authMode: resolveAuthMode(env),
          logger: app.logger,
        });
  app.logger.info({ concurrency: env.OSMEN_WORKER_CONCURRENCY, healthPort: health?.port ?? null }, "worker taking runs");
  return {
    worker,
    async stop() {
      app.logger.info({ running: worker.running, shutdownMs: env.OSMEN_SHUTDOWN_MS }, "worker stopping: letting its runs finish");
      await worker.close();
      await health?.close();
      await app.queue?.close();
      await app.db.prisma.$disconnect();
      app.logger.info("worker stopped");
    },
  };
}

// The composition root: the one place the server's parts are built and wired together. A process has one
// App (getApp); a test builds its own over its test database (createApp). It holds the database, the vault,
// the services, the run service (with the providers and connected accounts it hands each run, as the run's
// user), the metrics and the logger (fed by the run service's observer and by every model call), and `ready()`,
// which every entry point awaits before serving.
import { createProviderResolver } from "@/lib/engine";
import type { Vault } from "@/lib/secrets";
import { getDb, prepareDatabase } from "@/server/db";
import type { Db } from "@/server/db/client";
import { loadServerEnv } from "@/server/env.mjs";
import { createChatService, type ChatService } from "@/server/runs/chat-service";
import { createShareChatService, type ShareChatService } from "@/server/runs/share-chat-service";
import { checkReadiness } from "@/server/health/readiness";
import { getLogger, type Logger } from "@/server/log/logger";
import { providerLogListener, runLogObserver } from "@/server/log/run-log";
import { createMetrics, type Metrics } from "@/server/metrics/metrics";
import { providerMetricsListener, watchRunProviders } from "@/server/metrics/provider-calls";
import { combineRunObservers, runMetricsObserver } from "@/server/metrics/run-metrics";
import { recoverInterruptedRuns } from "@/server/runs/recover-interrupted";
import { createRunRetention, type RetentionPolicy } from "@/server/runs/run-retention";
import { createRequestRateLimiter, type RequestRateLimiter, type RequestRateLimitSettings } from "@/server/http/request-rate-limits";
import { createRunService, type RunService, type RunServiceOptions } from "@/server/runs/run-service";
import { createLocalRuns } from "@/server/runs/local-runs";
import { createRunExecution, type RunExecution } from "@/server/runs/run-execution";
import { connectQueueMode, type QueueMode } from "@/server/queue/queue-mode";
import { createQueuedRuns } from "@/server/queue/queued-runs";
import { installRedisProviderBudgets } from "@/server/queue/provider-budgets";
import { getVault } from "@/server/secrets";
import { createServices, type Services } from "@/server/services";

export type App = {
  db: Db;
  /** The vault that seals stored credentials; its key is loaded on first use. */
  vault: () => Vault;
  services: Services;
  /** One per App: it owns the live event hub and the concurrency limit (local mode) or the queue's side here. */
  runs: RunService;
  /** Executes runs on the engine with this App's providers, credentials and observers (run-execution.ts). */
  execution: RunExecution;
  /** Queue mode's Redis parts (REDIS_URL set); undefined in local mode. */
  queue?: QueueMode;
  /** The request budgets every endpoint spends from; null when none are set (tests). */
  requestLimits: RequestRateLimiter | null;
  /** Chat sessions with flows, on top of `runs`. */
  chat: ChatService;
  /** Chatting through share links open for it, as the flow's owner. */
  shareChat: ShareChatService;
  /** The Prometheus registry and the osmen_* metrics (served by /api/metrics). */
  metrics: Metrics;
  logger: Logger;
  /**
   * Resolves once the database is migrated and (local mode) the runs an earlier process left queued or running
   * are marked interrupted. Does the work once; after a failure (database unreachable) the next call tries again.
   */
  ready(): Promise<void>;
};

export type AppParts = {
  db: Db;
  /** Default: the process's vault (server/secrets.ts). */
  vault?: () => Vault;
  /** A run service of the caller's own, or settings over those from the environment (tests: scripted providers). */
  runs?: RunService | Partial<RunServiceOptions>;
  /** Brings the schema up to date before `ready()` settles runs. Default: nothing (test databases are made migrated). */
  migrate?: () => Promise<void>;
  /** Prunes run history in the background once `ready()` has settled. Default: no pruning (tests). */
  retention?: RetentionPolicy;
  /** Request budgets per minute (server/http/request-rate-limits.ts). Default: none (tests). */
  requestLimits?: RequestRateLimitSettings & { trustProxy?: boolean };
  /** Default: the process's logger (server/log/logger.ts). Tests pass one that keeps its lines. */
  logger?: Logger;
  /** Queue mode: runs are enqueued for workers and followed through Redis. Default: runs execute in this process. */
  queue?: QueueMode;
};

/** How often run history is pruned, and how long after start the first time (the start is busy enough). */
const PRUNE_INTERVAL_MS = 10 * 60 * 1000;
const FIRST_PRUNE_DELAY_MS = 60 * 1000;

/** Builds and wires every part over `db`. Nothing touches the database until a call does (or `ready()`). */
export function createApp(parts: AppParts): App {
  const { db, vault = getVault } = parts;
  const services = createServices(db, vault);
  const logger = parts.logger ?? getLogger();
  // The gauges read the run service's slots and the readiness checks when scraped, by which time both exist.
  const metrics = createMetrics(
    () => runs.stats(),
    async () => Object.fromEntries(Object.entries((await checkReadiness(app)).checks).map(([part, check]) => [part, check.status === "ok"])),
  );
  const runOptions = observed({ ...runSettings(services), ...(isRunService(parts.runs) ? {} : parts.runs) }, metrics, logger);
  const execution = createRunExecution(db, runOptions);
  const dispatcher = parts.queue ? createQueuedRuns(db, { ...parts.queue, execution }) : createLocalRuns(db, execution, runOptions);
  const runs: RunService = isRunService(parts.runs) ? parts.runs : createRunService({ db, flows: services.flows }, { ...runOptions, dispatcher });
  const chat = createChatService({ db, flows: services.flows, runs });
  const shareChat = createShareChatService({ db, chat, runs, trustProxy: parts.requestLimits?.trustProxy });
  const retention = parts.retention && createRunRetention(db, parts.retention);
  const requestLimits = parts.requestLimits ? createRequestRateLimiter(parts.requestLimits, { trustProxy: parts.requestLimits.trustProxy, redis: parts.queue?.redis }) : null;
  let readiness: Promise<void> | undefined;
  const ready = () =>
    (readiness ??= prepare(db, logger, parts.migrate, parts.queue !== undefined)
      .then(() => void retention?.start(PRUNE_INTERVAL_MS, FIRST_PRUNE_DELAY_MS))
      .catch((error: unknown) => {
        readiness = undefined;
        throw error;
      }));
  const app: App = { db, vault, services, runs, execution, queue: parts.queue, chat, shareChat, requestLimits, metrics, logger, ready };
  return app;
}

/** Run settings whose runs and model calls are counted and logged. */
function observed(settings: RunServiceOptions, metrics: Metrics, logger: Logger): RunServiceOptions {
  const toMetrics = providerMetricsListener(metrics);
  const toLog = providerLogListener(logger);
  const { providers } = settings;
  return {
    ...settings,
    providers: watchRunProviders(providers, (call) => {
      toMetrics(call);
      toLog(call);
    }),
    observer: combineRunObservers(...[runMetricsObserver(metrics), runLogObserver(logger), settings.observer].filter((each) => each !== undefined)),
  };
}

const holder = globalThis as typeof globalThis & { osmenApp?: App };

/** The process's App over DATABASE_URL, built on first use (kept on globalThis so dev reloads reuse it). */
export function getApp(): App {
  holder.osmenApp ??= createProcessApp();
  return holder.osmenApp;
}

function createProcessApp(): App {
  const env = loadServerEnv();
  const retention = { maxAgeDays: env.OSMEN_RUN_RETENTION_DAYS, maxRunsPerFlow: env.OSMEN_RUN_RETENTION_COUNT };
  const requestLimits = {
    read: env.OSMEN_RATE_LIMIT_READS,
    write: env.OSMEN_RATE_LIMIT_WRITES,
    run: env.OSMEN_RATE_LIMIT_RUNS,
    openai: env.OSMEN_RATE_LIMIT_OPENAI,
    trustProxy: env.OSMEN_TRUST_PROXY === "1",
  };
  const queue = env.REDIS_URL ? connectQueueMode(env.REDIS_URL, { maxQueuedRuns: env.OSMEN_MAX_QUEUED_RUNS }) : undefined;
  // Every worker and instance draws on one budget per provider key, as the provider counts them.
  if (queue) installRedisProviderBudgets(queue.redis);
  return createApp({ db: getDb(), vault: getVault, migrate: prepareDatabase, retention, requestLimits, queue });
}

const isRunService = (runs: AppParts["runs"]): runs is RunService => typeof (runs as Partial<RunService> | undefined)?.start === "function";

/** Run limits from the environment; a run reads the credentials and connected accounts of its own user only. */
function runSettings(services: Services): RunServiceOptions {
  const env = loadServerEnv();
  return {
    maxConcurrentRuns: env.OSMEN_MAX_CONCURRENT_RUNS,
    maxQueuedRuns: env.OSMEN_MAX_QUEUED_RUNS,
    runTimeoutMs: env.OSMEN_RUN_TIMEOUT_MS,
    nodeTimeoutMs: env.OSMEN_NODE_TIMEOUT_MS,
    providers: (userId) => createProviderResolver({ resolveCredential: (id) => services.credentials.resolveForRun({ userId }, id) }),
    credentials: (userId) => (id) => services.credentials.resolveForRun({ userId }, id),
    describeCredentials: (userId, ids) => services.credentials.describe({ userId }, ids),
    // One entry per integration (lib/tools/integrations.ts); each is lazy, so a run that needs none reads no secret.
    integrations: (userId) => ({ google: services.google.servicesForRun({ userId }) }),
  };
}

/**
 * Migrates, then (local mode) ends the runs an earlier process left unfinished. In queue mode other processes
 * may be executing runs at any time: workers end the runs of a worker that stopped (server/queue/run-worker.ts).
 */
async function prepare(db: Db, logger: Logger, migrate: (() => Promise<void>) | undefined, isQueueMode: boolean): Promise<void> {
  await migrate?.();
  if (isQueueMode) return;
  const ids = await recoverInterruptedRuns(db);
  if (ids.length > 0) logger.info({ runs: ids.length }, "marked runs from an earlier process as interrupted");
}

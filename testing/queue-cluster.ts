// Queue mode as it is deployed, on this machine: app instances (`next start`, the production build) and
// worker processes (`tsx scripts/worker.ts`), each its own process, sharing a fresh PostgreSQL database, one
// Redis logical database and one vault key, in local mode, with a scripted Ollama server for the model.
// Usage:
//   const cluster = await startQueueCluster({ redisDb: 9, appPorts: [3710, 3711], workerPorts: [3712, 3713] });
//   ... cluster.apps[0].base, cluster.ollama.setDefault(...), cluster.database.prisma ...
//   await cluster.stop();
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { bullOptions, RUN_QUEUE } from "@/server/queue/run-queue";
import { queueTestDatabase, queueTestRedisUrl } from "./queue-mode.ts";
import { startOllamaServer } from "./servers/ollama.ts";
import type { ScriptedServer } from "./servers/scripted-server.ts";

/** How long one process may take to become ready: a cold `next start` on a busy two-core machine is slow. */
const READY_DEADLINE_MS = 180_000;
/** How long a process may take to exit after SIGTERM before it is killed. */
const STOP_GRACE_MS = 15_000;

export type ClusterOptions = {
  /** The Redis logical database (1-15) this cluster owns: flushed at start. */
  redisDb: number;
  /** One app instance per port. */
  appPorts: number[];
  /** One worker per port: its health server's OSMEN_WORKER_PORT. */
  workerPorts: number[];
  /** OSMEN_STALLED_MS for every process: how soon a killed worker's runs are noticed. Default 6000. */
  stalledMs?: number;
};

/** A started process: `base` is its HTTP origin (the app, or the worker's health server). */
export type ClusterProcess = { name: string; base: string; child: ChildProcess; logFile: string };

export type QueueCluster = {
  apps: ClusterProcess[];
  workers: ClusterProcess[];
  ollama: ScriptedServer;
  /** The cluster's database, for reading what the processes stored. */
  database: Awaited<ReturnType<typeof queueTestDatabase>>;
  stalledMs: number;
  /** The worker whose BullMQ job holds `runId` now (the job's processedBy names the worker's pid). */
  workerHolding(runId: string): Promise<ClusterProcess | undefined>;
  /** Sends `signal` to the process and all its children (npx, then node). */
  signal(process: ClusterProcess, signal: NodeJS.Signals): void;
  /** The last `lines` lines every process logged: for a failing test's message. */
  logTail(lines?: number): string;
  /** Stops every process (SIGTERM, SIGKILL after a grace period), the model server, and drops the database. */
  stop(): Promise<void>;
};

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const isRunning = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/** The environment every process of the cluster shares; NODE_ENV and Vitest's own variables left out. */
function sharedEnvironment(databaseUrl: string, redisUrl: string, stalledMs: number): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(NODE_ENV|VITEST|TEST_|OSMEN_|REDIS_URL|DATABASE_URL)/.test(name)));
  return {
    ...inherited,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    HOST: "127.0.0.1", // local mode: no OSMEN_AUTH, bound to loopback
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    OSMEN_SECRET_KEY: randomBytes(32).toString("base64"),
    // The flows' model node points at the scripted Ollama server on loopback.
    OSMEN_HTTP_ALLOWLIST: "127.0.0.1",
    OSMEN_STALLED_MS: String(stalledMs),
    OSMEN_SHUTDOWN_MS: "2000",
    // Hundreds of runs a minute from one address are the load under test, not abuse.
    OSMEN_RATE_LIMIT_READS: "0",
    OSMEN_RATE_LIMIT_WRITES: "0",
    OSMEN_RATE_LIMIT_RUNS: "0",
    OSMEN_MAX_QUEUED_RUNS: "1000",
    LOG_LEVEL: "info",
  };
}

function launch(name: string, command: string[], env: NodeJS.ProcessEnv, base: string, logDir: string): ClusterProcess {
  const logFile = path.join(logDir, `${name}.log`);
  const log = createWriteStream(logFile);
  // Its own process group, so a signal reaches npx and the node process it starts alike.
  const child = spawn(command[0]!, command.slice(1), { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  return { name, base, child, logFile };
}

function signalGroup(process_: ClusterProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-process_.child.pid!, signal);
  } catch {
    // already gone
  }
}

/** Waits until `url` answers 200. @throws naming the process and its log when it exits or takes too long. */
async function waitReady(process_: ClusterProcess, url: string): Promise<void> {
  const deadline = Date.now() + READY_DEADLINE_MS;
  while (Date.now() < deadline) {
    if (!isRunning(process_.child)) throw new Error(`${process_.name} exited before it was ready:\n${tail(process_, 40)}`);
    if (await fetch(url).then((response) => response.ok, () => false)) return;
    await wait(250);
  }
  throw new Error(`${process_.name} was not ready at ${url} within ${READY_DEADLINE_MS} ms:\n${tail(process_, 40)}`);
}

function tail(process_: ClusterProcess, lines: number): string {
  const text = existsSync(process_.logFile) ? readFileSync(process_.logFile, "utf8") : "";
  return text.split("\n").slice(-lines).join("\n");
}

async function stopProcess(process_: ClusterProcess): Promise<void> {
  if (!isRunning(process_.child)) return;
  const exited = new Promise((resolve) => process_.child.once("exit", resolve));
  signalGroup(process_, "SIGTERM");
  await Promise.race([exited, wait(STOP_GRACE_MS)]);
  signalGroup(process_, "SIGKILL"); // npx's node child may outlive npx itself
}

/** The process group of `pid` (field 5 of /proc/<pid>/stat, read after the name's closing parenthesis). */
function processGroupOf(pid: number): number | undefined {
  try {
    return Number(readFileSync(`/proc/${pid}/stat`, "utf8").split(")").at(-1)!.trim().split(" ")[2]);
  } catch {
    return undefined;
  }
}

async function flushRedis(url: string) {
  const redis = new Redis(url);
  try {
    await redis.flushdb();
  } finally {
    redis.disconnect();
  }
}

/**
 * Starts the cluster and waits until every process is ready (/api/health/ready, the workers' /health/ready).
 * @throws Error without a production build, or naming the process (and its log) that did not get ready;
 * whatever had started is stopped first.
 */
export async function startQueueCluster(options: ClusterOptions): Promise<QueueCluster> {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build found: run `npm run build` first.");
  const stalledMs = options.stalledMs ?? 6000;
  const redisUrl = queueTestRedisUrl(options.redisDb);
  await flushRedis(redisUrl);
  const database = await queueTestDatabase();
  const ollama = await startOllamaServer();
  const logDir = mkdtempSync(path.join(tmpdir(), "osmen-queue-cluster-"));
  const env = sharedEnvironment(database.url, redisUrl, stalledMs);
  const apps = options.appPorts.map((port, index) =>
    launch(`app-${"ABCDEFGH"[index]}`, ["npx", "next", "start", "-H", "127.0.0.1", "-p", String(port)], env, `http://127.0.0.1:${port}`, logDir),
  );
  const workers = options.workerPorts.map((port, index) =>
    launch(`worker-${index + 1}`, ["npx", "tsx", "scripts/worker.ts"], { ...env, OSMEN_WORKER_PORT: String(port) }, `http://127.0.0.1:${port}`, logDir),
  );
  const jobsConnection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const jobs = new Queue(RUN_QUEUE, bullOptions(jobsConnection));

  const cluster: QueueCluster = {
    apps,
    workers,
    ollama,
    database,
    stalledMs,
    async workerHolding(runId) {
      const processedBy = (await jobs.getJob(runId))?.processedBy;
      const pid = Number(processedBy?.split(":").at(-1));
      const group = Number.isInteger(pid) ? processGroupOf(pid) : undefined;
      return workers.find((worker) => worker.child.pid === group);
    },
    signal: signalGroup,
    logTail: (lines = 30) => [...apps, ...workers].map((each) => `--- ${each.name}\n${tail(each, lines)}`).join("\n"),
    async stop() {
      await Promise.all([...apps, ...workers].map(stopProcess));
      await jobs.close();
      jobsConnection.disconnect();
      await ollama.close();
      await database.drop();
      rmSync(logDir, { recursive: true, force: true });
    },
  };
  try {
    await Promise.all([...apps.map((app) => waitReady(app, `${app.base}/api/health/ready`)), ...workers.map((worker) => waitReady(worker, `${worker.base}/health/ready`))]);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return cluster;
}

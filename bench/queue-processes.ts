// What the queue benchmark starts besides the app server: a fresh PostgreSQL database, an emptied Redis logical
// database, and worker processes (`npx tsx scripts/worker.ts`, as `npm run worker` starts one), each with its
// health and metrics server on a port of its own.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, openSync, readFileSync } from "node:fs";
import { Redis } from "ioredis";
import { adminQuery, withDatabase } from "@/testing/databases";
import { freePort, stopProcessGroup } from "./run-server.ts";

/** BENCH_POSTGRES_URL: the PostgreSQL server the benchmark creates its databases on (any database of it). */
export const postgresServerUrl = (): string => process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** BENCH_REDIS_URL: a Redis logical database the benchmark may empty (FLUSHDB) before and after it; default db 10. */
export const benchRedisUrl = (): string => process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379/10";

/** A database created for one measurement; `drop` removes it (connections still open are ended). */
export type BenchDatabase = { url: string; drop(): Promise<void> };

/**
 * Creates an empty database `osmen_bench_<random>` on the server; the first process that starts on it applies
 * the migrations (server/db/migrate.ts, under an advisory lock). @throws when the server cannot be reached.
 */
export async function createBenchDatabase(serverUrl = postgresServerUrl()): Promise<BenchDatabase> {
  const name = `osmen_bench_${randomBytes(6).toString("hex")}`;
  try {
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  } catch (error) {
    throw new Error(`could not create a database on ${new URL(serverUrl).host} (${(error as Error).message}); set BENCH_POSTGRES_URL to a PostgreSQL server`, { cause: error });
  }
  return { url: withDatabase(serverUrl, name), drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Empties the benchmark's Redis logical database (queue, admission counts and run streams of an earlier run). */
export async function emptyRedis(url = benchRedisUrl()): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    await redis.flushdb();
  } catch (error) {
    throw new Error(`could not empty Redis at ${url} (${(error as Error).message}); set BENCH_REDIS_URL to a logical database the benchmark may empty`, { cause: error });
  } finally {
    redis.disconnect();
  }
}

/** A started worker: its process (group leader), its health port, and the file its output goes to. */
export type BenchWorker = { process: ChildProcess; port: number; logFile: string };

const lastLines = (file: string, count = 15) => readFileSync(file, "utf8").trimEnd().split("\n").slice(-count).join("\n");

/**
 * Starts `npx tsx scripts/worker.ts` with `env` (DATABASE_URL, REDIS_URL, OSMEN_SECRET_KEY...) and waits until its
 * /health/ready answers 200. Its output goes to `logFile`, so the benchmark spends nothing reading it.
 * @throws Error with the end of its output when it exits, or is not ready within 120 s.
 */
export async function startWorker(env: Record<string, string>, logFile: string): Promise<BenchWorker> {
  const port = await freePort();
  const output = openSync(logFile, "a");
  const child = spawn("npx", ["tsx", "scripts/worker.ts"], {
    env: { ...process.env, NODE_ENV: "production", ...env, OSMEN_WORKER_PORT: String(port) },
    stdio: ["ignore", output, output],
    detached: true,
  });
  closeSync(output);
  const worker = { process: child, port, logFile };
  for (let attempt = 0; attempt < 240; attempt += 1) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    const isReady = await fetch(`http://127.0.0.1:${port}/health/ready`).then((response) => response.ok, () => false);
    if (isReady) return worker;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stopWorker(worker);
  throw new Error(`a worker did not become ready (its output, ${logFile}):\n${lastLines(logFile)}`);
}

/** SIGTERM (the worker lets its runs finish, none are left by then) and waits for it to exit, at most 40 s. */
export async function stopWorker(worker: BenchWorker): Promise<void> {
  await stopProcessGroup(worker.process, 40_000);
}

/** Runs the worker has ended `succeeded` since it started: the sum of osmen_runs_total{status="succeeded"} on its /metrics. */
export async function workerSucceededRuns(worker: BenchWorker): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${worker.port}/metrics`);
  if (!response.ok) throw new Error(`a worker's /metrics answered HTTP ${response.status}`);
  return (await response.text())
    .split("\n")
    .filter((line) => line.startsWith("osmen_runs_total{") && line.includes('status="succeeded"'))
    .reduce((sum, line) => sum + Number(line.split(" ").at(-1)), 0);
}

// `npm run bench -- queue`: throughput of 500 runs of the 5-node flow (the run benchmark's, on the same scripted
// model server) in one process, then in queue mode (one app instance, two workers), and the ratio. Each side
// gets a production server (`next start`) and fresh storage; runs start over the HTTP API, BENCH_QUEUE_CLIENTS
// (50) at a time, after one warm-up round. Every run must end `succeeded`, else the figure is not measured.
// One process stores on PostgreSQL like queue mode, so only where runs execute differs; BENCH_QUEUE_LOCAL_DB=sqlite
// measures the default SQLite store instead. Needs `npm run build`, PostgreSQL (BENCH_POSTGRES_URL) and a Redis
// logical database the benchmark may empty (BENCH_REDIS_URL, default db 10). Rows are informational: no target.
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { startOllamaServer } from "@/testing/servers/ollama";
import type { ScriptedServer } from "@/testing/servers/scripted-server";
import { createApiKey } from "./api-client.ts";
import { benchRedisUrl, createBenchDatabase, emptyRedis, startWorker, stopWorker, workerSucceededRuns, type BenchDatabase, type BenchWorker } from "./queue-processes.ts";
import { measuring, report, sized } from "./report.ts";
import { chainReply, fiveNodeGraph } from "./run-fixtures.ts";
import { rpc, startBenchServer, stopBenchServer, type BenchServer } from "./run-server.ts";
import { describeThroughput, runMany, type Throughput, type ThroughputTarget } from "./run-throughput.ts";
import { queueFigures } from "./targets.ts";

const RUNS = sized(500, 20);
const WORKERS = 2;

function clientCount(): number {
  const clients = Number(process.env.BENCH_QUEUE_CLIENTS ?? sized(50, 5));
  if (!Number.isInteger(clients) || clients < 1 || clients > 1000) throw new Error(`BENCH_QUEUE_CLIENTS must be a whole number from 1 to 1000, got "${process.env.BENCH_QUEUE_CLIENTS}"`);
  return clients;
}

function localStore(): "postgresql" | "sqlite" {
  const store = process.env.BENCH_QUEUE_LOCAL_DB ?? "postgresql";
  if (store !== "postgresql" && store !== "sqlite") throw new Error(`BENCH_QUEUE_LOCAL_DB must be postgresql or sqlite, got "${store}"`);
  return store;
}

/** What both sides share: the model server, the vault key every process of a side uses, and a scratch folder. */
type Setup = { ollama: ScriptedServer; secretKey: string; dataDir: string; clients: number };

/** Creates the 5-node flow and an API key on the server, runs one warm-up round, then times RUNS runs. */
async function timeRuns(setup: Setup, server: BenchServer, afterWarmUp: () => Promise<void> = async () => {}): Promise<Throughput> {
  const flowId = (await rpc<{ id: string }>(server.base, "flow.create", { name: "Queue benchmark: 5 nodes", graph: fiveNodeGraph(setup.ollama.url) })).id;
  const target: ThroughputTarget = { base: server.base, apiKey: await createApiKey(server.base), flowId };
  await runMany(target, setup.clients, setup.clients);
  await afterWarmUp();
  return runMany(target, RUNS, setup.clients);
}

/**
 * How many of the timed runs each worker executed (its succeeded count now less `before`). A worker counts a run
 * just after the run's last event, so the counts are read again for up to 5 s until they add up to RUNS.
 * @throws when they never do: some runs executed elsewhere than on the workers.
 */
async function timedRunsPerWorker(workers: BenchWorker[], before: number[]): Promise<number[]> {
  let perWorker: number[] = [];
  for (let waited = 0; waited <= 5000; waited += 100) {
    perWorker = (await Promise.all(workers.map(workerSucceededRuns))).map((count, index) => count - before[index]!);
    if (perWorker.reduce((sum, count) => sum + count, 0) === RUNS) return perWorker;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the workers report ${perWorker.join(" + ")} succeeded runs, not the ${RUNS} timed: runs executed elsewhere`);
}

/** `next start` executing the runs itself, with enough run slots that none waits; on `store`. */
async function measureOneProcess(setup: Setup, store: "postgresql" | "sqlite"): Promise<Throughput> {
  const dataDir = join(setup.dataDir, "one-process");
  mkdirSync(dataDir);
  let database: BenchDatabase | undefined;
  let server: BenchServer | undefined;
  try {
    if (store === "postgresql") database = await createBenchDatabase();
    const env = { OSMEN_SECRET_KEY: setup.secretKey, OSMEN_MAX_CONCURRENT_RUNS: String(setup.clients), ...(database && { DATABASE_URL: database.url }) };
    server = await startBenchServer(dataDir, env);
    return await timeRuns(setup, server);
  } finally {
    if (server) await stopBenchServer(server);
    await database?.drop();
  }
}

/** One app instance enqueueing, WORKERS workers executing (each at its default concurrency); runs per worker. */
async function measureQueueMode(setup: Setup): Promise<{ throughput: Throughput; perWorker: number[] }> {
  const dataDir = join(setup.dataDir, "queue-mode");
  mkdirSync(dataDir);
  await emptyRedis();
  const database = await createBenchDatabase();
  const env = { DATABASE_URL: database.url, REDIS_URL: benchRedisUrl(), OSMEN_SECRET_KEY: setup.secretKey, OSMEN_DATA_DIR: dataDir };
  let server: BenchServer | undefined;
  const workers: BenchWorker[] = [];
  try {
    server = await startBenchServer(dataDir, env); // migrates the database before any worker starts
    const workerEnv = { ...env, OSMEN_HTTP_ALLOWLIST: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1" };
    for (let index = 0; index < WORKERS; index += 1) workers.push(await startWorker(workerEnv, join(dataDir, `worker-${index + 1}.log`)));
    let before: number[] | undefined;
    const throughput = await timeRuns(setup, server, async () => void (before = await Promise.all(workers.map(workerSucceededRuns))));
    return { throughput, perWorker: await timedRunsPerWorker(workers, before!) };
  } finally {
    await Promise.all(workers.map(stopWorker));
    if (server) await stopBenchServer(server);
    await database.drop();
    await emptyRedis();
  }
}

export default async function queueBenchmark(): Promise<void> {
  const clients = clientCount();
  const store = localStore();
  const storeName = store === "postgresql" ? "PostgreSQL" : "SQLite";
  const [one, five, fifteen] = loadavg().map((load) => load.toFixed(2));
  console.log(`${availableParallelism()} cores, load average ${one} ${five} ${fifteen}; one process stores on ${storeName}, queue mode on PostgreSQL and Redis (${benchRedisUrl()})`);
  const ollama = await startOllamaServer();
  ollama.setDefault(chainReply);
  const setup: Setup = { ollama, secretKey: randomBytes(32).toString("base64"), dataDir: mkdtempSync(join(tmpdir(), "osmen-bench-queue-")), clients };
  let oneProcess: Throughput | undefined;
  let queued: Throughput | undefined;
  try {
    await measuring([queueFigures.oneProcess], async () => {
      oneProcess = await measureOneProcess(setup, store);
      report(queueFigures.oneProcess, oneProcess.runsPerSecond, `${storeName}; ${describeThroughput(oneProcess)}`);
    });
    await measuring([queueFigures.queueMode], async () => {
      const result = await measureQueueMode(setup);
      queued = result.throughput;
      report(queueFigures.queueMode, queued.runsPerSecond, `PostgreSQL + Redis; ${describeThroughput(queued)}; runs per worker ${result.perWorker.join(" / ")}`);
    });
    if (oneProcess && queued) report(queueFigures.ratio, queued.runsPerSecond / oneProcess.runsPerSecond, `one process on ${storeName}`);
    else report(queueFigures.ratio, Number.NaN, "not measured: a throughput above failed");
  } finally {
    await ollama.close();
    rmSync(setup.dataDir, { recursive: true, force: true });
  }
}

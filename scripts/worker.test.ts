// `npm run worker` as an operator starts it, npm included, on a fresh PostgreSQL
// database and Redis logical database 11, with its health server on a free port. What is checked here is the
// process's wiring of its settings, which the health server's own tests (server/queue/worker-health.test.ts)
// take as given, and how it stops when its terminal's Ctrl-C reaches npm and the worker alike.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@/server/app";
import { connectQueueMode } from "@/server/queue/queue-mode";
import { closedPortUrl } from "@/testing/closed-port";
import { chatGraph } from "@/testing/flow-graphs";
import { queueTestDatabase, queueTestRedisUrl } from "@/testing/queue-mode";
import { startOllamaServer } from "@/testing/servers/ollama";
import type { ScriptedServer } from "@/testing/servers/scripted-server";
import { localTestCaller as me } from "@/testing/trpc-caller";

/** A cold tsx start on a busy two-core machine is slow; this only bounds how a broken start fails. */
const READY_DEADLINE_MS = 90_000;

describe("npm run worker", () => {
  let database: Awaited<ReturnType<typeof queueTestDatabase>>;
  let worker: ChildProcess | undefined;
  let base: string;
  let log = "";
  /** An app instance in this process, to start runs the worker takes; its model never answers. */
  let app: App;
  let model: ScriptedServer;

  beforeAll(async () => {
    database = await queueTestDatabase();
    model = await startOllamaServer({ defaultResponse: { hang: true } });
    app = createApp({ db: database, queue: connectQueueMode(queueTestRedisUrl(11), { maxQueuedRuns: 10 }) });
    base = await closedPortUrl();
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(NODE_ENV|VITEST|TEST_|OSMEN_|REDIS_URL|DATABASE_URL|HOST)/.test(name)));
    worker = spawn("npm", ["run", "worker"], {
      env: {
        ...inherited,
        NODE_ENV: "production",
        DATABASE_URL: database.url,
        REDIS_URL: queueTestRedisUrl(11),
        OSMEN_SECRET_KEY: randomBytes(32).toString("base64"),
        // Accounts mode on loopback: the one setting the bind address alone does not reveal.
        OSMEN_AUTH: "accounts",
        OSMEN_WORKER_PORT: new URL(base).port,
        OSMEN_HTTP_ALLOWLIST: "127.0.0.1",
        OSMEN_SHUTDOWN_MS: "2000",
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group, as a terminal's foreground job is: a signal to the group reaches npm and the worker.
      detached: true,
    });
    worker.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
    worker.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
    const deadline = Date.now() + READY_DEADLINE_MS;
    while (!(await fetch(`${base}/health/ready`).then((response) => response.ok, () => false))) {
      if (worker.exitCode !== null || Date.now() > deadline) throw new Error(`the worker did not get ready:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }, READY_DEADLINE_MS + 10_000);

  afterAll(async () => {
    if (worker?.pid && worker.exitCode === null && worker.signalCode === null) {
      const exited = new Promise((resolve) => worker!.once("exit", resolve));
      process.kill(-worker.pid, "SIGTERM");
      await exited;
    }
    await app?.queue?.close();
    await model?.close();
    await database?.drop();
  });

  it("keeps /metrics shut without a token in accounts mode, as the app does, even bound to loopback", async () => {
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("OSMEN_METRICS_TOKEN");
  });

  it("stops gracefully when one SIGTERM reaches it twice (sent to its process group and passed on by npm): its run ends interrupted and it stops cleanly", async () => {
    const flow = await app.services.flows.create(me, { name: "Held by the worker", graph: chatGraph({ baseUrl: model.url }) });
    const { runId } = await app.runs.start(me, { flowId: flow.id, input: "never answered" });
    while (model.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    // "close": npm and the worker, which shares its output pipes, have both exited.
    const exited = new Promise((resolve) => worker!.once("close", resolve));

    // As npm passes the group's signal on: the worker hears it twice, a moment apart.
    process.kill(-worker!.pid!, "SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 50));
    process.kill(-worker!.pid!, "SIGTERM");

    await exited;
    expect(log).not.toContain("second signal");
    expect(log).toContain("worker stopped");
    const run = await database.prisma.run.findUniqueOrThrow({ where: { id: runId } });
    expect(run.status).toBe("interrupted");
  });
});

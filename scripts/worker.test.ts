// `npm run worker` as an operator starts it: its own process (tsx scripts/worker.ts) on a fresh PostgreSQL
// database and Redis logical database 11, with its health server on a free port. What is checked here is the
// process's wiring of its settings, which the health server's own tests (server/queue/worker-health.test.ts)
// take as given.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closedPortUrl } from "@/testing/closed-port";
import { queueTestDatabase, queueTestRedisUrl } from "@/testing/queue-mode";

/** A cold tsx start on a busy two-core machine is slow; this only bounds how a broken start fails. */
const READY_DEADLINE_MS = 90_000;

describe("npm run worker", () => {
  let database: Awaited<ReturnType<typeof queueTestDatabase>>;
  let worker: ChildProcess | undefined;
  let base: string;
  let log = "";

  beforeAll(async () => {
    database = await queueTestDatabase();
    base = await closedPortUrl();
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(NODE_ENV|VITEST|TEST_|OSMEN_|REDIS_URL|DATABASE_URL|HOST)/.test(name)));
    worker = spawn("npx", ["tsx", "scripts/worker.ts"], {
      env: {
        ...inherited,
        NODE_ENV: "production",
        DATABASE_URL: database.url,
        REDIS_URL: queueTestRedisUrl(11),
        OSMEN_SECRET_KEY: randomBytes(32).toString("base64"),
        // Accounts mode on loopback: the one setting the bind address alone does not reveal.
        OSMEN_AUTH: "accounts",
        OSMEN_WORKER_PORT: new URL(base).port,
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
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
    if (worker?.pid && worker.exitCode === null) {
      const exited = new Promise((resolve) => worker!.once("exit", resolve));
      process.kill(-worker.pid, "SIGTERM");
      await exited;
    }
    await database?.drop();
  });

  it("keeps /metrics shut without a token in accounts mode, as the app does, even bound to loopback", async () => {
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("OSMEN_METRICS_TOKEN");
  });
});

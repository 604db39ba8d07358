// A worker's health server over real HTTP: the probes backed by the real readiness checks (a real database,
// a real Redis in database 3, and a Redis that does not answer), the metrics scrape under the app's access
// rule, and the answers to everything else.
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pino from "pino";
import { createVault } from "@/lib/secrets";
import { checkReadiness } from "@/server/health/readiness";
import { createMetrics } from "@/server/metrics/metrics";
import { closedPortUrl } from "@/testing/closed-port";
import { testDatabases } from "@/testing/databases";
import { connectRedis, pingRedis } from "./redis.ts";
import { startWorkerHealthServer, type WorkerHealthOptions, type WorkerHealthServer } from "./worker-health.ts";

const silent = pino({ level: "silent" });
const vault = createVault(randomBytes(32));
const TOKEN = "worker-metrics-token-0123456789";

describe("the worker's health server", () => {
  const [newest] = testDatabases().slice(-1);
  let database: Awaited<ReturnType<NonNullable<typeof newest>["create"]>>;
  const connections: ReturnType<typeof connectRedis>[] = [];
  const servers: WorkerHealthServer[] = [];
  const metrics = createMetrics(async () => ({ running: 4, queued: 2 }));

  beforeAll(async () => (database = await newest!.create()));
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
    connections.forEach((redis) => redis.disconnect());
    await database?.drop();
  });

  /** A server on a free port whose readiness pings Redis at `redisUrl`; `base` is its http:// address. */
  async function start(redisUrl = "redis://127.0.0.1:6379/3", overrides: Partial<WorkerHealthOptions> = {}) {
    const redis = connectRedis(redisUrl, "commands");
    redis.on("error", () => undefined);
    connections.push(redis);
    const target = { db: database, vault: () => vault, ready: async () => {}, logger: silent, queue: { ping: () => pingRedis(redis, 2000) } };
    const server = await startWorkerHealthServer({ port: 0, readiness: () => checkReadiness(target), metrics, logger: silent, ...overrides });
    servers.push(server);
    return { server, base: `http://127.0.0.1:${server.port}` };
  }

  it("answers live with 200 and ready with every part ok, Redis included", async () => {
    const { base } = await start();
    const live = await fetch(`${base}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: "ok", version: expect.any(String) });
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(200);
    expect(ready.headers.get("cache-control")).toBe("no-store");
    expect(await ready.json()).toEqual({
      status: "ok",
      checks: { database: { status: "ok" }, migrations: { status: "ok" }, vault: { status: "ok" }, redis: { status: "ok" } },
      version: expect.any(String),
    });
  });

  it("answers ready with 503 naming Redis when it does not answer, while live stays 200", async () => {
    const { base } = await start((await closedPortUrl()).replace("http:", "redis:"));
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: "error", checks: { database: { status: "ok" }, redis: { status: "error", message: expect.stringContaining("REDIS_URL") } } });
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
  });

  it("serves the registry as Prometheus text on loopback without a token", async () => {
    const { base } = await start();
    const scrape = await fetch(`${base}/metrics`);
    expect(scrape.status).toBe(200);
    expect(scrape.headers.get("content-type")).toContain("text/plain");
    const text = await scrape.text();
    expect(text).toContain("osmen_runs_in_progress 4");
    expect(text).toContain("osmen_run_queue_depth 2");
  });

  it("asks for the bearer token when OSMEN_METRICS_TOKEN is set, as the app does", async () => {
    const { base } = await start(undefined, { metricsToken: TOKEN });
    const refused = await fetch(`${base}/metrics`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toContain("Bearer");
    expect(await refused.json()).toEqual({ error: { code: "UNAUTHORIZED", message: expect.stringContaining("OSMEN_METRICS_TOKEN") } });
    expect((await fetch(`${base}/metrics`, { headers: { authorization: "Bearer wrong-token-wrong-token" } })).status).toBe(401);
    const allowed = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain("osmen_run_queue_depth");
  });

  it("keeps the metrics shut without a token on a network address, or when told accounts mode", async () => {
    for (const overrides of [{ host: "0.0.0.0" }, { authMode: "accounts" as const }]) {
      const { base } = await start(undefined, overrides);
      const refused = await fetch(`${base}/metrics`);
      expect(refused.status).toBe(404);
      expect(await refused.json()).toEqual({ error: { code: "NOT_FOUND", message: expect.stringContaining("OSMEN_METRICS_TOKEN") } });
      expect((await fetch(`${base}/health/live`)).status).toBe(200);
    }
  });

  it("answers 404 to other paths and 405 to other methods", async () => {
    const { base } = await start();
    const missing = await fetch(`${base}/api/health/ready`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: "NOT_FOUND", message: expect.stringContaining("/health/ready") } });
    const posted = await fetch(`${base}/health/live`, { method: "POST" });
    expect(posted.status).toBe(405);
    expect(posted.headers.get("allow")).toBe("GET");
  });

  it("refuses a taken port, naming OSMEN_WORKER_PORT", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const { port } = taken.address() as { port: number };
    try {
      await expect(startWorkerHealthServer({ port, readiness: () => checkReadiness({ db: database, vault: () => vault, ready: async () => {}, logger: silent }), metrics, logger: silent })).rejects.toThrow(
        /port \d+ on 127\.0\.0\.1 is taken.*OSMEN_WORKER_PORT/,
      );
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it("closes while a client keeps its connection open, and stops answering", async () => {
    const { server, base } = await start();
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    await server.close();
    servers.splice(servers.indexOf(server), 1);
    await expect(fetch(`${base}/health/live`)).rejects.toThrow();
  });
});

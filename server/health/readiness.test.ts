// The readiness probe against real databases (and a real Redis in queue mode): ready when all is well, and
// each failing part named.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pino from "pino";
import { createVault } from "@/lib/secrets";
import { createDb } from "@/server/db/client";
import { createLogger } from "@/server/log/logger";
import { connectRedis, pingRedis } from "@/server/queue/redis";
import { closedPortUrl } from "@/testing/closed-port";
import { testDatabases } from "@/testing/databases";
import { checkReadiness, type ReadinessTarget } from "./readiness.ts";

const silent = pino({ level: "silent" });
const vault = createVault(randomBytes(32));

describe.each(testDatabases())("readiness on $provider", ({ create }) => {
  let database: Awaited<ReturnType<typeof create>>;
  beforeAll(async () => (database = await create()));
  afterAll(async () => database?.drop());

  const target = (overrides: Partial<ReadinessTarget> = {}): ReadinessTarget => ({ db: database, vault: () => vault, ready: async () => {}, logger: silent, ...overrides });

  it("is ready when the database answers, every migration is applied and the vault key is loaded", async () => {
    expect(await checkReadiness(target())).toEqual({ isReady: true, checks: { database: { status: "ok" }, migrations: { status: "ok" }, vault: { status: "ok" } } });
  });

  it("names the vault when its key cannot be loaded", async () => {
    const readiness = await checkReadiness(
      target({
        vault: () => {
          throw new Error("no key");
        },
      }),
    );
    expect(readiness.isReady).toBe(false);
    expect(readiness.checks.vault).toEqual({ status: "error", message: expect.stringContaining("OSMEN_SECRET_KEY") });
    expect(readiness.checks.database).toEqual({ status: "ok" });
  });

  it("names the migrations a database lacks, and says the preparation failed", async () => {
    const [latest] = await database.prisma.$queryRawUnsafe<{ migration_name: string }[]>(`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`);
    await database.prisma.$executeRawUnsafe(`DELETE FROM "_prisma_migrations" WHERE migration_name = '${latest!.migration_name}'`);
    const readiness = await checkReadiness(target({ ready: () => Promise.reject(new Error("migration failed")) }));
    expect(readiness.isReady).toBe(false);
    expect(readiness.checks.migrations).toEqual({ status: "error", message: expect.stringContaining(latest!.migration_name) });
    expect(readiness.checks.database).toEqual({ status: "ok" });
  });
});

describe("readiness with the database down", () => {
  it("names the database and does not check the migrations", async () => {
    // Nothing listens on port 1.
    const db = createDb("postgresql://postgres@127.0.0.1:1/osmen");
    const readiness = await checkReadiness({ db, vault: () => vault, ready: async () => {}, logger: silent });
    expect(readiness.isReady).toBe(false);
    expect(readiness.checks.database).toEqual({ status: "error", message: expect.stringContaining("DATABASE_URL") });
    expect(readiness.checks.migrations).toMatchObject({ status: "error" });
    expect(readiness.checks.vault).toEqual({ status: "ok" });
  });
});

describe("readiness in queue mode", () => {
  const [newest] = testDatabases().slice(-1);
  let database: Awaited<ReturnType<NonNullable<typeof newest>["create"]>>;
  const connections: ReturnType<typeof connectRedis>[] = [];
  beforeAll(async () => (database = await newest!.create()));
  afterAll(async () => {
    connections.forEach((redis) => redis.disconnect());
    await database?.drop();
  });

  /** A queue whose ping goes to `url` over a real connection; log lines land in `lines`. */
  function queueTarget(url: string, lines: string[] = []): ReadinessTarget {
    const redis = connectRedis(url, "commands");
    // ioredis also reports a refused connection as an "error" event; the failed ping is what is under test.
    redis.on("error", () => undefined);
    connections.push(redis);
    const logger = createLogger({ level: "info", destination: { write: (line: string) => void lines.push(line) } });
    return { db: database, vault: () => vault, ready: async () => {}, logger, queue: { ping: () => pingRedis(redis, 2000) } };
  }

  it("checks Redis as a part of its own, ok when it answers", async () => {
    expect(await checkReadiness(queueTarget("redis://127.0.0.1:6379/3"))).toEqual({
      isReady: true,
      checks: { database: { status: "ok" }, migrations: { status: "ok" }, vault: { status: "ok" }, redis: { status: "ok" } },
    });
  });

  it("names Redis and the fix when it does not answer, and logs the raw error only", async () => {
    const lines: string[] = [];
    const url = (await closedPortUrl()).replace("http:", "redis:");
    const readiness = await checkReadiness(queueTarget(url, lines));
    expect(readiness.isReady).toBe(false);
    expect(readiness.checks.redis).toEqual({ status: "error", message: "Redis does not answer. Check REDIS_URL and that Redis is running." });
    expect(readiness.checks.database).toEqual({ status: "ok" });
    const logged = lines.map((line) => JSON.parse(line) as { msg: string; err?: { message: string } });
    expect(logged).toEqual([expect.objectContaining({ msg: "readiness: Redis does not answer", err: expect.objectContaining({ message: expect.any(String) }) })]);
  });

  it("has no redis part outside queue mode", async () => {
    const readiness = await checkReadiness({ db: database, vault: () => vault, ready: async () => {}, logger: silent });
    expect(readiness.isReady).toBe(true);
    expect(Object.keys(readiness.checks)).not.toContain("redis");
  });
});

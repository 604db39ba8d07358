// The readiness probe against real databases: ready when all is well, and each failing part named.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pino from "pino";
import { createVault } from "@/lib/secrets";
import { createDb } from "@/server/db/client";
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

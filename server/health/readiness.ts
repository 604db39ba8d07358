// The readiness probe's checks: the database answers, every migration in prisma/<provider>/migrations is
// applied, the vault's key is loaded, and in queue mode Redis answers. Each failing part is named with what to
// do; the raw error (which can hold a connection string) goes to the log only.
import { isDatabaseReachable } from "@/server/db";
import type { Db } from "@/server/db/client";
import { migrationsFolder, readMigrations } from "@/server/db/migrate";
import type { Logger } from "@/server/log/logger";

export type ReadinessPart = "database" | "migrations" | "vault" | "redis";
export type PartStatus = { status: "ok" } | { status: "error"; message: string };
/** Every part checked; `redis` only in queue mode (absent otherwise, so local mode's answer is unchanged). */
export type ReadinessChecks = Record<Exclude<ReadinessPart, "redis">, PartStatus> & { redis?: PartStatus };
export type Readiness = { isReady: boolean; checks: ReadinessChecks };

/**
 * What the probe looks at (an App has all of it): the database, the vault, the start-up preparation
 * (migrations), and in queue mode the Redis connection (`ping` resolves on PONG, rejects otherwise).
 */
export type ReadinessTarget = { db: Db; vault: () => unknown; ready: () => Promise<void>; logger: Logger; queue?: { ping(): Promise<void> } };

const ok: PartStatus = { status: "ok" };
const failed = (message: string): PartStatus => ({ status: "error", message });

/** Runs every check; never throws. `root`: the folder holding prisma/ (default the working directory). */
export async function checkReadiness(app: ReadinessTarget, root?: string): Promise<Readiness> {
  const [database, vault, redis] = await Promise.all([checkDatabase(app, root), Promise.resolve(checkVault(app)), checkRedis(app)]);
  const checks: ReadinessChecks = { ...database, vault, ...(redis && { redis }) };
  return { isReady: Object.values(checks).every((check) => check?.status === "ok"), checks };
}

async function checkDatabase(app: ReadinessTarget, root?: string): Promise<Pick<Readiness["checks"], "database" | "migrations">> {
  if (!(await isDatabaseReachable(app.db))) {
    return {
      database: failed("The database does not answer. Check DATABASE_URL and that the database server is running."),
      migrations: failed("Not checked: the database does not answer."),
    };
  }
  const preparation = await app.ready().then(
    () => undefined,
    (error: unknown) => error,
  );
  if (preparation) app.logger.error({ err: preparation }, "readiness: start-up preparation failed");
  const pending = await pendingMigrations(app.db, root).catch(() => undefined);
  if (pending === undefined) return { database: ok, migrations: failed("The migrations table cannot be read. See the server log.") };
  if (pending.length > 0) {
    return { database: ok, migrations: failed(`${pending.length} migration(s) not applied (${pending.join(", ")}). Restart the server to apply them; see the server log for why they failed.`) };
  }
  return { database: ok, migrations: ok };
}

/** Migration folders on disk that the database has not recorded as applied, in order. */
export async function pendingMigrations(db: Db, root?: string): Promise<string[]> {
  const rows = await db.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const applied = new Set(rows.map((row) => row.migration_name));
  return readMigrations(migrationsFolder(db.provider, root))
    .map((migration) => migration.name)
    .filter((name) => !applied.has(name));
}

function checkVault(app: ReadinessTarget): PartStatus {
  try {
    app.vault();
    return ok;
  } catch (error) {
    app.logger.error({ err: error }, "readiness: the vault key is not loaded");
    return failed("The vault key is not loaded. Set OSMEN_SECRET_KEY (openssl rand -base64 32) or restore the key file in OSMEN_DATA_DIR.");
  }
}

/** Undefined outside queue mode, so no `redis` part appears. */
async function checkRedis(app: ReadinessTarget): Promise<PartStatus | undefined> {
  if (!app.queue) return undefined;
  try {
    await app.queue.ping();
    return ok;
  } catch (error) {
    app.logger.error({ err: error }, "readiness: Redis does not answer");
    return failed("Redis does not answer. Check REDIS_URL and that Redis is running.");
  }
}

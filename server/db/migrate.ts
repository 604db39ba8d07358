// Applies the migrations in prisma/<provider>/migrations at start. Prisma's own `migrate deploy` needs a
// native engine or fails on PostgreSQL through the driver adapter offline, so the app applies the same
// files itself, recording them in Prisma's `_prisma_migrations` table so `prisma migrate status` agrees.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseProviderOf, sqliteFilePath, type DatabaseProvider } from "./database-url.ts";
import { secureSqliteFiles } from "./file-modes.ts";

export type Migration = { name: string; sql: string; checksum: string };

export function migrationsFolder(provider: DatabaseProvider, root = process.cwd()): string {
  return path.join(root, "prisma", provider === "postgresql" ? "postgres" : "sqlite", "migrations");
}

export function readMigrations(folder: string): Migration[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(folder, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(folder, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** Applies every pending migration, each atomically. Returns the names applied. */
/** `dataDir` is OSMEN_DATA_DIR: a SQLite file inside it gets the folder tightened to 0700 too. */
export async function migrateDatabase(url: string, options: { root?: string; dataDir?: string } = {}): Promise<string[]> {
  const provider = databaseProviderOf(url);
  const migrations = readMigrations(migrationsFolder(provider, options.root));
  return provider === "sqlite" ? migrateSqlite(url, migrations, options.dataDir ?? "./data") : migratePostgres(url, migrations);
}

function checkNotEdited(applied: Map<string, string>, migrations: Migration[]) {
  for (const migration of migrations) {
    const checksum = applied.get(migration.name);
    if (checksum && checksum !== migration.checksum) {
      throw new Error(`Migration ${migration.name} was edited after it was applied; add a new migration instead.`);
    }
  }
}

const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" ("id" TEXT PRIMARY KEY NOT NULL,
  "checksum" TEXT NOT NULL, "finished_at" DATETIME, "migration_name" TEXT NOT NULL, "logs" TEXT,
  "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`;

function migrateSqlite(url: string, migrations: Migration[], dataDir: string): string[] {
  const file = sqliteFilePath(url);
  secureSqliteFiles(file, dataDir);
  const db = new Database(file);
  try {
    // Before WAL: switching journals writes the header of a new file, after which auto_vacuum needs a VACUUM.
    turnOnIncrementalVacuum(db);
    db.pragma("journal_mode = WAL");
    db.exec(SQLITE_TABLE);
    const rows = db
      .prepare(`SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`)
      .all() as { migration_name: string; checksum: string }[];
    const applied = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    checkNotEdited(applied, migrations);
    const pending = migrations.filter((migration) => !applied.has(migration.name));
    // A column change rebuilds its table, and dropping the old one would cascade to every row referencing it.
    // The scripts' own `PRAGMA foreign_keys=OFF` does nothing inside a transaction, so it is set here, before
    // one starts; each migration is then checked to leave no dangling reference before it commits.
    db.pragma("foreign_keys = OFF");
    for (const migration of pending) {
      // IMMEDIATE takes the write lock up front, so two processes starting together apply each file once.
      db.transaction(() => {
        const done = db.prepare(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = ? AND finished_at IS NOT NULL`);
        if (done.get(migration.name)) return;
        db.exec(migration.sql);
        checkNoDanglingReferences(db, migration.name);
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES (?, ?, current_timestamp, ?, 1)`,
        ).run(randomUUID(), migration.checksum, migration.name);
      }).immediate();
    }
    return pending.map((migration) => migration.name);
  } finally {
    db.close();
    // WAL mode made the -wal and -shm files; SQLite gives them the database's mode, but say so outright.
    secureSqliteFiles(file, dataDir);
  }
}

/**
 * Lets pruning hand deleted pages back to the file system (`PRAGMA incremental_vacuum`, server/runs/run-retention.ts).
 * A new file takes the setting at once; an existing one needs one full VACUUM to switch (https://sqlite.org/pragma.html#pragma_auto_vacuum).
 */
function turnOnIncrementalVacuum(db: Database.Database) {
  const INCREMENTAL = 2;
  if (db.pragma("auto_vacuum", { simple: true }) === INCREMENTAL) return;
  db.pragma("auto_vacuum = INCREMENTAL");
  const hasTables = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1`).get() !== undefined;
  if (hasTables) db.exec("VACUUM");
}

/** @throws Error naming the migration and the table when a row refers to one that no longer exists (rolls it back). */
function checkNoDanglingReferences(db: Database.Database, migrationName: string) {
  const dangling = db.pragma("foreign_key_check") as { table: string; parent: string }[];
  if (dangling.length === 0) return;
  const { table, parent } = dangling[0]!;
  throw new Error(
    `Migration ${migrationName} would leave ${dangling.length} row(s) in "${table}" referring to "${parent}" rows that no longer exist; it was rolled back. Fix the migration so it keeps or removes those rows itself.`,
  );
}

const POSTGRES_TABLE = `CREATE TABLE IF NOT EXISTS _prisma_migrations (id VARCHAR(36) PRIMARY KEY NOT NULL,
  checksum VARCHAR(64) NOT NULL, finished_at TIMESTAMPTZ, migration_name VARCHAR(255) NOT NULL, logs TEXT,
  rolled_back_at TIMESTAMPTZ, started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  applied_steps_count INTEGER NOT NULL DEFAULT 0)`;
// Any constant works; it keeps concurrent starts from applying the same migration twice.
const POSTGRES_LOCK_KEY = 72_677_001;

async function migratePostgres(url: string, migrations: Migration[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [POSTGRES_LOCK_KEY]);
    await client.query(POSTGRES_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      "SELECT migration_name, checksum FROM _prisma_migrations WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL",
    );
    const applied = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    checkNotEdited(applied, migrations);
    const pending = migrations.filter((migration) => !applied.has(migration.name));
    for (const migration of pending) {
      await client.query("BEGIN");
      try {
        // One simple-protocol query: statements split on ';' would break strings and function bodies.
        await client.query(migration.sql);
        await client.query(
          "INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)",
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
    }
    return pending.map((migration) => migration.name);
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [POSTGRES_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

// Fresh, migrated databases for integration tests: always a SQLite file, and a throwaway PostgreSQL
// database when TEST_DATABASE_URL points at a server. Suites run once per database.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDb, type Db } from "@/server/db/client";
import { migrateDatabase } from "@/server/db/migrate";
import type { DatabaseProvider } from "@/server/db/database-url";

export type TestDatabase = { provider: DatabaseProvider; create: () => Promise<Db & { drop: () => Promise<void> }> };

async function createSqlite() {
  const folder = mkdtempSync(path.join(tmpdir(), "osmen-test-"));
  const url = `file:${path.join(folder, "test.db")}`;
  await migrateDatabase(url);
  const db = createDb(url);
  return {
    ...db,
    drop: async () => {
      await db.prisma.$disconnect();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** `serverUrl` pointed at database `database` on the same server. */
export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs one statement (CREATE or DROP DATABASE) on a connection of its own to `serverUrl`, closed after. */
export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database on the PostgreSQL server `serverUrl`, dropped by `drop()`. */
export async function createPostgres(serverUrl: string) {
  const name = `osmen_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = withDatabase(serverUrl, name);
  await migrateDatabase(url);
  const db = createDb(url);
  return {
    ...db,
    drop: async () => {
      await db.prisma.$disconnect();
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** The databases this test run covers: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testDatabases(): TestDatabase[] {
  const databases: TestDatabase[] = [{ provider: "sqlite", create: createSqlite }];
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) databases.push({ provider: "postgresql", create: () => createPostgres(serverUrl) });
  return databases;
}

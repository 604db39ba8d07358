// The app's database: one client per process (kept on globalThis so dev reloads reuse it), migrated at start.
import { loadServerEnv } from "@/server/env.mjs";
import { createDb, type Db } from "./client.ts";
import { migrateDatabase } from "./migrate.ts";
import { databaseProviderOf, redactUrl, sqliteFilePath } from "./database-url.ts";
import { secureSqliteFiles } from "./file-modes.ts";

const holder = globalThis as typeof globalThis & { osmenDb?: Db; osmenDbReady?: Promise<void> };

export function getDb(): Db {
  if (!holder.osmenDb) {
    const { DATABASE_URL, OSMEN_DATA_DIR } = loadServerEnv();
    // The client may open the SQLite file before migrations run: create it private first.
    if (databaseProviderOf(DATABASE_URL) === "sqlite") secureSqliteFiles(sqliteFilePath(DATABASE_URL), OSMEN_DATA_DIR);
    holder.osmenDb = createDb(DATABASE_URL);
  }
  return holder.osmenDb;
}

/**
 * Applies pending migrations once per process. A database that cannot be reached is reported, not fatal:
 * the server stays up so the health probe can say so, and the next call tries again.
 */
export function prepareDatabase(): Promise<void> {
  holder.osmenDbReady ??= (async () => {
    const { DATABASE_URL: url, OSMEN_DATA_DIR } = loadServerEnv();
    const applied = await migrateDatabase(url, { dataDir: OSMEN_DATA_DIR });
    if (applied.length > 0) console.log(`[db] applied ${applied.length} migration(s) to ${redactUrl(url)}: ${applied.join(", ")}`);
  })().catch((error: unknown) => {
    holder.osmenDbReady = undefined;
    throw error;
  });
  return holder.osmenDbReady;
}

/** Round-trips a trivial query; false when the database cannot answer. */
export async function isDatabaseReachable(db: Db = getDb()): Promise<boolean> {
  try {
    await db.prisma.$queryRawUnsafe("SELECT 1");
    return true;
  } catch {
    return false;
  }
}

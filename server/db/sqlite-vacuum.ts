// Hands a SQLite file's free pages back to the file system, a bounded number at a time. It opens its own
// connection: SQLite frees one page per step of `PRAGMA incremental_vacuum`, and Prisma's driver adapter
// steps a statement without result rows only once. better-sqlite3's `pragma()` steps it to the end.
import Database from "better-sqlite3";
import { sqliteFilePath } from "./database-url.ts";

/**
 * Frees up to `maxPages` pages of the SQLite database at `url` (a `file:` URL). Works on files migrated by
 * server/db/migrate.ts, which turns on `auto_vacuum = INCREMENTAL`; elsewhere it frees nothing.
 */
export function reclaimSqliteSpace(url: string, maxPages: number): void {
  const db = new Database(sqliteFilePath(url));
  try {
    db.pragma(`incremental_vacuum(${Math.max(1, Math.floor(maxPages))})`);
  } finally {
    db.close();
  }
}

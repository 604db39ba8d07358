// The SQLite database and its folder hold every flow, run and (encrypted) credential: only the owner of
// the server process may read them. Modes are set at creation and tightened when an earlier version left
// them wider (mkdir's and open's modes pass through the umask, and an existing path keeps its mode).
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from "node:fs";
import path from "node:path";

export const PRIVATE_FOLDER_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** The files SQLite keeps next to a database: the database itself, its write-ahead log and shared memory, a rollback journal. */
export const sqliteCompanionFiles = (file: string) => [file, `${file}-wal`, `${file}-shm`, `${file}-journal`];

function tighten(target: string, mode: number) {
  if (existsSync(target) && (statSync(target).mode & 0o777) !== mode) chmodSync(target, mode);
}

/**
 * Makes the database file's folder (0700 when this server creates it, or when it is the data folder) and
 * creates the file 0600 before SQLite opens it, so it never exists with wider access. Tightens existing
 * SQLite files to 0600. A folder the operator chose that is not the data folder keeps its mode.
 */
export function secureSqliteFiles(file: string, dataDir: string): void {
  const folder = path.dirname(file);
  const created = mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  if (created !== undefined || path.resolve(folder) === path.resolve(dataDir)) tighten(folder, PRIVATE_FOLDER_MODE);
  if (!existsSync(file)) closeSync(openSync(file, "a", PRIVATE_FILE_MODE));
  for (const each of sqliteCompanionFiles(file)) tighten(each, PRIVATE_FILE_MODE);
}

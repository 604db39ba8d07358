// Migrations keep what the databases hold. SQLite can only change a column by rebuilding its table, and
// dropping the old table cascades to every row that references it unless foreign keys are off while the
// migration runs: these tests fill every table, apply what follows, and count what is left.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { migrateDatabase, migrationsFolder } from "./migrate.ts";

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

/** A scratch project root whose SQLite migrations folder holds `migrations` (name -> SQL), and its database URL. */
function scratchProject(migrations: Record<string, string> = {}) {
  const root = mkdtempSync(path.join(tmpdir(), "osmen-migrate-"));
  roots.push(root);
  const folder = migrationsFolder("sqlite", root);
  mkdirSync(folder, { recursive: true });
  for (const [name, sql] of Object.entries(migrations)) addMigration(root, name, sql);
  return { root, url: `file:${path.join(root, "data", "test.db")}`, file: path.join(root, "data", "test.db") };
}

function addMigration(root: string, name: string, sql: string) {
  const folder = path.join(migrationsFolder("sqlite", root), name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, "migration.sql"), sql);
}

const withDb = <T>(file: string, work: (db: Database.Database) => T): T => {
  const db = new Database(file);
  try {
    return work(db);
  } finally {
    db.close();
  }
};

type Column = { name: string; type: string; notnull: number; dflt_value: string | null };
type ForeignKey = { table: string; from: string; to: string };

const userTables = (db: Database.Database) =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`).all() as { name: string }[]).map(
    (row) => row.name,
  );

/** Puts one row in every table, parents before children, each reference pointing at its parent's row. */
function fillEveryTable(db: Database.Database) {
  const tables = userTables(db);
  const keysOf = (table: string) => db.prepare(`PRAGMA foreign_key_list("${table}")`).all() as ForeignKey[];
  const inserted = new Map<string, Record<string, unknown>>();
  const valueFor = (table: string, column: Column): unknown => {
    const type = column.type.toUpperCase();
    if (type.includes("INT") || type.includes("BOOL")) return 1;
    if (type.includes("REAL") || type.includes("DOUBLE") || type.includes("DECIMAL")) return 1.5;
    if (type.includes("DATE")) return new Date().toISOString();
    if (type.includes("JSON")) return "{}";
    if (type.includes("BLOB")) return Buffer.from("x");
    return `${table}-${column.name}`;
  };
  while (inserted.size < tables.length) {
    const ready = tables.filter((table) => !inserted.has(table) && keysOf(table).every((key) => key.table === table || inserted.has(key.table)));
    expect(ready, "tables whose parents are all filled").not.toEqual([]);
    for (const table of ready) {
      const columns = db.prepare(`PRAGMA table_info("${table}")`).all() as Column[];
      const row: Record<string, unknown> = {};
      for (const column of columns) row[column.name] = valueFor(table, column);
      for (const key of keysOf(table)) row[key.from] = key.table === table ? null : inserted.get(key.table)![key.to];
      const names = Object.keys(row);
      db.prepare(`INSERT INTO "${table}" (${names.map((name) => `"${name}"`).join(", ")}) VALUES (${names.map(() => "?").join(", ")})`).run(...Object.values(row));
      inserted.set(table, row);
    }
  }
  return tables;
}

const rowCounts = (db: Database.Database, tables: string[]) =>
  Object.fromEntries(tables.map((table) => [table, (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n]));

const parentAndChild = `CREATE TABLE "Parent" ("id" TEXT NOT NULL PRIMARY KEY, "name" TEXT NOT NULL);
CREATE TABLE "Child" ("id" TEXT NOT NULL PRIMARY KEY, "parentId" TEXT NOT NULL,
  CONSTRAINT "Child_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Parent" ("id") ON DELETE CASCADE ON UPDATE CASCADE);`;

/** How Prisma writes a column change on SQLite: a new table, a copy, a drop and a rename. */
const rebuildParent = (copyWhere = "1 = 1") => `PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Parent" ("id" TEXT NOT NULL PRIMARY KEY, "name" TEXT NOT NULL, "note" TEXT);
INSERT INTO "new_Parent" ("id", "name") SELECT "id", "name" FROM "Parent" WHERE ${copyWhere};
DROP TABLE "Parent";
ALTER TABLE "new_Parent" RENAME TO "Parent";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;`;

describe("SQLite migrations keep the rows they do not mean to change", () => {
  it("rebuilds a table that others reference without deleting the rows that reference it", async () => {
    const project = scratchProject({ "1_parent_and_child": parentAndChild });
    await migrateDatabase(project.url, { root: project.root, dataDir: path.dirname(project.file) });
    withDb(project.file, (db) => fillEveryTable(db));
    addMigration(project.root, "2_rebuild_parent", rebuildParent());
    expect(await migrateDatabase(project.url, { root: project.root, dataDir: path.dirname(project.file) })).toEqual(["2_rebuild_parent"]);
    withDb(project.file, (db) => {
      expect(rowCounts(db, ["Parent", "Child"])).toEqual({ Parent: 1, Child: 1 });
    });
  });

  it("refuses a migration that would leave a reference to a row it dropped, and changes nothing", async () => {
    const project = scratchProject({ "1_parent_and_child": parentAndChild });
    const options = { root: project.root, dataDir: path.dirname(project.file) };
    await migrateDatabase(project.url, options);
    withDb(project.file, (db) => fillEveryTable(db));
    addMigration(project.root, "2_lose_parents", rebuildParent("0 = 1"));
    await expect(migrateDatabase(project.url, options)).rejects.toThrow(/2_lose_parents.*"Child"/);
    withDb(project.file, (db) => expect(rowCounts(db, ["Parent", "Child"])).toEqual({ Parent: 1, Child: 1 }));
    // Fixed, it applies.
    rmSync(path.join(migrationsFolder("sqlite", project.root), "2_lose_parents"), { recursive: true });
    addMigration(project.root, "3_rebuild_parent", rebuildParent());
    expect(await migrateDatabase(project.url, options)).toEqual(["3_rebuild_parent"]);
  });

  it("sets up incremental vacuum on a new file, and switches a file an earlier version made", async () => {
    const fresh = scratchProject({ "1_parent_and_child": parentAndChild });
    await migrateDatabase(fresh.url, { root: fresh.root, dataDir: path.dirname(fresh.file) });
    withDb(fresh.file, (db) => expect(db.pragma("auto_vacuum", { simple: true })).toBe(2));

    // An earlier version's file: tables and rows, WAL journal, no auto_vacuum; its migrations already applied.
    const earlier = scratchProject();
    mkdirSync(path.dirname(earlier.file), { recursive: true });
    withDb(earlier.file, (db) => {
      db.pragma("journal_mode = WAL");
      db.exec(parentAndChild);
      fillEveryTable(db);
    });
    expect(await migrateDatabase(earlier.url, { root: earlier.root, dataDir: path.dirname(earlier.file) })).toEqual([]);
    withDb(earlier.file, (db) => {
      expect(db.pragma("auto_vacuum", { simple: true })).toBe(2);
      expect(rowCounts(db, ["Parent", "Child"])).toEqual({ Parent: 1, Child: 1 });
    });
  });

  // Every step of the project's own history: fill every table the earlier migrations made, apply the rest.
  const shipped = readdirSync(migrationsFolder("sqlite")).filter((name) => /^\d/.test(name)).sort();
  it.each(shipped.slice(1).map((name, index) => [name, index + 1] as const))("keeps every row through %s and what follows it", async (_name, applied) => {
    const project = scratchProject();
    const options = { root: project.root, dataDir: path.dirname(project.file) };
    const copy = (name: string) => cpSync(path.join(migrationsFolder("sqlite"), name), path.join(migrationsFolder("sqlite", project.root), name), { recursive: true });
    shipped.slice(0, applied).forEach(copy);
    await migrateDatabase(project.url, options);
    const tables = withDb(project.file, (db) => fillEveryTable(db));
    shipped.slice(applied).forEach(copy);
    await migrateDatabase(project.url, options);
    withDb(project.file, (db) => {
      const counts = rowCounts(db, tables.filter((table) => userTables(db).includes(table)));
      // A migration may add rows of its own (the local owner); none may lose one.
      expect(Object.values(counts).every((count) => count >= 1), JSON.stringify(counts)).toBe(true);
    });
  });
});

// `npm run osmen -- db:migration <name>`: writes the migration that takes the databases from the last
// committed schema to prisma/sqlite/schema.prisma, for SQLite and PostgreSQL alike. The PostgreSQL schema
// is derived from the SQLite one first, so the two never drift apart.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Command } from "./command.ts";

const SQLITE_SCHEMA = "prisma/sqlite/schema.prisma";
const POSTGRES_SCHEMA = "prisma/postgres/schema.prisma";
const SQLITE_MIGRATIONS = "prisma/sqlite/migrations";
const SNAPSHOT = "schema.prisma";

export function postgresSchemaFrom(sqliteSchema: string): string {
  return sqliteSchema
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace("generated/sqlite", "generated/postgres")
    .replace(/^\/\/ SQLite.*$/m, "// PostgreSQL: derived from prisma/sqlite/schema.prisma by `npm run osmen -- db:migration`; edit that one.");
}

// Each migration folder keeps the SQLite schema it leads to, so the next migration is the difference from
// the newest one. (Prisma's --from-migrations replays the history on a shadow database, which fails here.)
function latestSchemaSnapshot(migrationsFolder: string): string | undefined {
  const folders = existsSync(migrationsFolder)
    ? readdirSync(migrationsFolder).filter((name) => existsSync(path.join(migrationsFolder, name, SNAPSHOT))).sort()
    : [];
  const latest = folders.at(-1);
  return latest ? readFileSync(path.join(migrationsFolder, latest, SNAPSHOT), "utf8") : undefined;
}

function diffScript(fromSchema: string | undefined, toFile: string, databaseUrl: string): string {
  const scratch = mkdtempSync(path.join(tmpdir(), "osmen-migration-"));
  const from = fromSchema ? ["--from-schema-datamodel", path.join(scratch, "from.prisma")] : ["--from-empty"];
  if (fromSchema) writeFileSync(path.join(scratch, "from.prisma"), fromSchema);
  return execFileSync(
    "npx",
    ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", toFile, "--script"],
    { encoding: "utf8", env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ["ignore", "pipe", "inherit"] },
  );
}

export const dbMigrationCommand: Command = {
  description: "Write a new migration for SQLite and PostgreSQL from prisma/sqlite/schema.prisma",
  async run([name]) {
    if (!name || !/^[a-z0-9_]+$/.test(name)) {
      console.error("Usage: npm run osmen -- db:migration <snake_case_name>");
      return 2;
    }
    const sqliteSchema = readFileSync(SQLITE_SCHEMA, "utf8");
    const previous = latestSchemaSnapshot(SQLITE_MIGRATIONS);
    writeFileSync(POSTGRES_SCHEMA, postgresSchemaFrom(sqliteSchema));
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const targets = [
      { schema: SQLITE_SCHEMA, from: previous, url: `file:${path.join(tmpdir(), "osmen-diff.db")}` },
      {
        schema: POSTGRES_SCHEMA,
        from: previous && postgresSchemaFrom(previous),
        url: process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
      },
    ];
    for (const { schema, from, url } of targets) {
      const script = diffScript(from, schema, url);
      if (!/^\s*(CREATE|ALTER|DROP)/im.test(script)) {
        console.log(`${schema}: no changes`);
        continue;
      }
      const folder = path.join(path.dirname(schema), "migrations", `${stamp}_${name}`);
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, "migration.sql"), script);
      if (schema === SQLITE_SCHEMA) writeFileSync(path.join(folder, SNAPSHOT), sqliteSchema);
      console.log(`wrote ${folder}/migration.sql`);
    }
  },
};

// `npm run osmen -- db:migration <name>`: writes the migration that takes the databases from the last
// committed schema to prisma/sqlite/schema.prisma, for SQLite and PostgreSQL alike. The PostgreSQL schema
// is derived from the SQLite one first, so the two never drift apart.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Command } from "./index.ts";

const SQLITE_SCHEMA = "prisma/sqlite/schema.prisma";
const POSTGRES_SCHEMA = "prisma/postgres/schema.prisma";

export function postgresSchemaFrom(sqliteSchema: string): string {
  return sqliteSchema
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace("generated/sqlite", "generated/postgres")
    .replace(/^\/\/ SQLite.*$/m, "// PostgreSQL: derived from prisma/sqlite/schema.prisma by `npm run osmen -- db:migration`; edit that one.");
}

function committedSchema(file: string): string | undefined {
  try {
    return execFileSync("git", ["show", `HEAD:${file}`], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    return undefined;
  }
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
    writeFileSync(POSTGRES_SCHEMA, postgresSchemaFrom(readFileSync(SQLITE_SCHEMA, "utf8")));
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const targets = [
      { schema: SQLITE_SCHEMA, url: `file:${path.join(tmpdir(), "osmen-diff.db")}` },
      { schema: POSTGRES_SCHEMA, url: process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
    ];
    for (const { schema, url } of targets) {
      const script = diffScript(committedSchema(schema), schema, url);
      if (!/^\s*(CREATE|ALTER|DROP)/im.test(script)) {
        console.log(`${schema}: no changes`);
        continue;
      }
      const folder = path.join(path.dirname(schema), "migrations", `${stamp}_${name}`);
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, "migration.sql"), script);
      console.log(`wrote ${folder}/migration.sql`);
    }
  },
};

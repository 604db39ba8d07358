// Prisma CLI configuration. The CLI runs on the bundled WebAssembly schema engine through a driver adapter,
// so no native engine is downloaded. It serves `generate` and `migrate diff` (new migrations); the app
// applies migrations itself at start (server/db/migrate.ts).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

const databaseUrl = process.env.DATABASE_URL ?? "file:./data/osmen.db";
const isPostgres = /^postgres(ql)?:\/\//.test(databaseUrl);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", isPostgres ? "postgres" : "sqlite", "schema.prisma"),
  adapter: async () =>
    isPostgres ? new PrismaPg({ connectionString: databaseUrl }) : new PrismaBetterSQLite3({ url: databaseUrl }),
});

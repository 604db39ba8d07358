// One Prisma client per database URL. SQLite and PostgreSQL each have a generated client; both expose the
// same models, so the rest of the server speaks to `Db` without knowing which one it has.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client.ts";
import { PrismaClient as PostgresClient } from "./generated/postgres/client.ts";
import { databaseProviderOf, type DatabaseProvider } from "./database-url.ts";

export type PrismaDb = SqliteClient;
export type Db = { prisma: PrismaDb; provider: DatabaseProvider; url: string };

export function createDb(url: string): Db {
  const provider = databaseProviderOf(url);
  const prisma =
    provider === "sqlite"
      ? new SqliteClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 10_000 }) })
      : // The two generated clients differ only in provider-specific filters; the models are the same.
        (new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as SqliteClient);
  return { prisma, provider, url };
}

// One Prisma client per database URL. SQLite and PostgreSQL each have a generated client; both expose the
// same models, so the rest of the server speaks to `Db` without knowing which one it has.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client.ts";
import { PrismaClient as PostgresClient } from "./generated/postgres/client.ts";
import { databaseProviderOf, type DatabaseProvider } from "./database-url.ts";
import { observedAdapterFactory, postgresStatements, sqliteStatements, type AdapterFactory, type DriverStatements } from "./driver-statements.ts";
import { escapeReservedKeys, restoreReservedKeys } from "@/lib/plain-data";
import { toStorable } from "@/lib/storable-data";

export type PrismaDb = SqliteClient;
/**
 * The database: Prisma for every query, and `statements` for the few hot writes that go straight to the driver
 * on Prisma's own connection (server/db/driver-statements.ts).
 */
export type Db = { prisma: PrismaDb; provider: DatabaseProvider; url: string; statements: DriverStatements };

export function createDb(url: string): Db {
  const provider = databaseProviderOf(url);
  let adapter: Parameters<Parameters<typeof observedAdapterFactory>[1]>[0] | undefined;
  const observed = (factory: AdapterFactory) => observedAdapterFactory(factory, (opened) => void (adapter = opened));
  const prisma = provider === "sqlite" ? createSqliteClient(url, observed) : createPostgresClient(url, observed);
  const connect = () => prisma.$connect();
  const statements = (provider === "sqlite" ? sqliteStatements : postgresStatements)(connect, () => adapter);
  return { prisma: withPlainJsonKeys(prisma), provider, url, statements };
}

/**
 * Prisma's JSON serializer silently drops a key named `__proto__`, so a graph, a run's input or a tool
 * result holding one would lose it. Every query escapes such keys on the way in and restores them on the
 * way out (lib/plain-data.ts), so JSON columns keep them as plain data.
 * It also refuses a lone UTF-16 surrogate and JSON nested past its recursion limit, failing the whole query
 * with its own internal message; every query's arguments are made storable first (lib/storable-data.ts):
 * such text gets U+FFFD and anything nested past PRISMA_ARGS_MAX_DEPTH is kept as JSON text. Input that
 * people send is bounded earlier, with a message (lib/flow/graph-schema.ts); this is the last line.
 */
/**
 * Nesting allowed in a query's arguments, counted from the arguments object: below Prisma's recursion limit,
 * with room above a stored JSON value's own bound (lib/storable-data.ts) for the query around it.
 */
const PRISMA_ARGS_MAX_DEPTH = 100;

function withPlainJsonKeys(prisma: SqliteClient): SqliteClient {
  const extended = prisma.$extends({
    query: {
      $allModels: {
        async $allOperations({ args, query }) {
          return restoreReservedKeys(await query(escapeReservedKeys(toStorable(args, { maxDepth: PRISMA_ARGS_MAX_DEPTH })) as typeof args));
        },
      },
    },
  });
  return extended as unknown as SqliteClient;
}

type Observe = (factory: AdapterFactory) => AdapterFactory;

function createSqliteClient(url: string, observe: Observe): SqliteClient {
  const prisma = new SqliteClient({ adapter: observe(new PrismaBetterSQLite3({ url, timeout: 10_000 })) });
  // The adapter holds one connection, so this runs on it before any other query. The file is in WAL mode
  // (set by the migrator); NORMAL syncs the log at checkpoints instead of at every commit, which keeps many
  // small run-event writes cheap and stays safe from corruption (a power cut may lose the last commits).
  void prisma.$executeRawUnsafe("PRAGMA synchronous = NORMAL").catch(() => undefined);
  return prisma;
}

// The two generated clients differ only in provider-specific filters; the models are the same.
/**
 * How long a query waits for a pooled PostgreSQL connection before it fails (pg's `connectionTimeoutMillis`;
 * its default waits forever). A pool that is being ended by a disconnect never serves a request already waiting
 * for one of its idle connections, and a database that cannot be reached never answers: both become an error.
 */
const POSTGRES_CONNECTION_TIMEOUT_MS = 10_000;

const createPostgresClient = (url: string, observe: Observe) =>
  new PostgresClient({ adapter: observe(new PrismaPg({ connectionString: url, connectionTimeoutMillis: POSTGRES_CONNECTION_TIMEOUT_MS })) }) as unknown as SqliteClient;

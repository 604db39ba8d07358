// Statements that skip Prisma's query pipeline and go straight to the database driver Prisma itself uses: the
// better-sqlite3 connection its SQLite adapter opened, or the pg pool of its PostgreSQL adapter. Even a raw
// statement through Prisma is planned by its WebAssembly query compiler and interpreted: about 0.4 ms of CPU
// each (a CPU profile of runs over the HTTP API), and about 16 ms for a save of a 500-node graph, whose text it
// walks; the driver's own prepared statement costs a few microseconds on SQLite. Only the hot paths use it: the
// reads and writes every run makes (API key, stored flow, run rows and events), local mode's caller, a flow's
// run list and a canvas save. Everything else stays on Prisma.
//
// Sharing Prisma's connection rather than opening a second one matters on SQLite: better-sqlite3 is synchronous,
// so a second connection waiting on the first's write lock would block the one thread that could release it.
import Database from "better-sqlite3";
import type { Pool } from "pg";
import type { PrismaClient as SqliteClient } from "./generated/sqlite/client.ts";

/** A statement parameter as the drivers take it: text, a number, or SQL NULL. */
export type SqlValue = string | number | null;

/** A row as the driver reads it, by column name. */
export type DriverRow = Record<string, unknown>;

/** One statement of `transaction`. `mustChange`: if it changes no row, the whole transaction rolls back. */
export type TransactionStep = { sql: string; values: readonly SqlValue[]; mustChange?: boolean };

/**
 * SQL on the connection Prisma holds. Placeholders are `?` on SQLite and `$1…` on PostgreSQL.
 * - `execute` runs a statement that answers no rows and resolves with the number of rows it changed.
 * - `transaction` runs statements in order in one transaction and resolves true once it committed, false when a
 *   `mustChange` step changed nothing and it rolled back. On SQLite it runs synchronously from BEGIN to COMMIT,
 *   so nothing else this process does can slip a statement into it.
 * On SQLite every statement first waits for any transaction Prisma holds open on the connection to end, so it
 * never joins one (see `outsideTransaction`).
 * - `query` resolves with the rows as the driver reads them, not as Prisma would: on SQLite, times and JSON are
 *   text and integers are numbers; on PostgreSQL, jsonb is parsed and a `timestamp` column is read in the
 *   process's local zone, so select one through `sqlTimestamp` to read it as the UTC time Prisma stored.
 * All three throw the driver's error (better-sqlite3's SqliteError, pg's DatabaseError) as it is.
 */
export type DriverStatements = {
  execute(sql: string, values: readonly SqlValue[]): Promise<number>;
  transaction(steps: readonly TransactionStep[]): Promise<boolean>;
  query(sql: string, values: readonly SqlValue[]): Promise<DriverRow[]>;
};

/** A timestamp column selected so that `query` reads it as the instant Prisma stored (UTC on PostgreSQL). */
export const sqlTimestamp = (provider: "sqlite" | "postgresql", column: string) => (provider === "postgresql" ? `(${column} AT TIME ZONE 'UTC')` : column);

/** A time as a parameter, in the form Prisma stores it: ISO text with "+00:00" on SQLite (so text order is time order), ISO on PostgreSQL. */
export const sqlTime = (provider: "sqlite" | "postgresql", date: Date): string =>
  provider === "sqlite" ? date.toISOString().replace("Z", "+00:00") : date.toISOString();

/** A time `query` read: a Date (PostgreSQL), ISO text (SQLite, Prisma's form) or null. */
export const driverDate = (value: unknown): Date | null => (value === null || value === undefined ? null : value instanceof Date ? value : new Date(value as string));

/** A JSON column `query` read: JSON text on SQLite, parsed already on PostgreSQL (jsonb). */
export const driverJson = (provider: "sqlite" | "postgresql", value: unknown): unknown =>
  provider === "sqlite" && typeof value === "string" ? JSON.parse(value) : value;

/** The driver adapter factory a Prisma client is built with (`new PrismaClient({ adapter })`). */
export type AdapterFactory = NonNullable<ConstructorParameters<typeof SqliteClient>[0]>["adapter"] & {};
type Adapter = Awaited<ReturnType<AdapterFactory["connect"]>>;

/**
 * `factory`, telling `onConnect` each adapter it opens (Prisma connects lazily, and again after a disconnect),
 * so the statements below always use the live connection.
 */
export function observedAdapterFactory(factory: AdapterFactory, onConnect: (adapter: Adapter) => void): AdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      onConnect(adapter);
      return adapter;
    },
  };
}

/** Statements prepared once per connection are kept up to this many, then the cache starts over. */
const PREPARED_STATEMENTS = 64;

/** How long a statement waits for a transaction Prisma holds open on the SQLite connection: its busy timeout. */
const OPEN_TRANSACTION_WAIT_MS = 10_000;

/**
 * Resolves once no transaction is open on `database`. Prisma's interactive transactions hold BEGIN on this same
 * connection across awaits: a statement run meanwhile would join one and be rolled back with it after its caller
 * was told it succeeded. So a statement waits, as a second Prisma transaction does for the first. Nothing holds
 * a Prisma transaction open while waiting on these statements, so the wait always ends.
 * @throws Error when the connection stays inside a transaction for OPEN_TRANSACTION_WAIT_MS.
 */
async function outsideTransaction(database: Database.Database): Promise<void> {
  const deadline = Date.now() + OPEN_TRANSACTION_WAIT_MS;
  while (database.inTransaction) {
    if (Date.now() > deadline) throw new Error(`The database stayed inside another transaction for ${OPEN_TRANSACTION_WAIT_MS / 1000} s; the statement was not run.`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/**
 * Driver statements over the better-sqlite3 connection of Prisma's SQLite adapter. `connect` makes Prisma open
 * it (`prisma.$connect()`); `connection` reads the one it opened last.
 * @throws when the adapter holds no better-sqlite3 connection (an adapter version that keeps it elsewhere).
 */
export function sqliteStatements(connect: () => Promise<void>, connection: () => Adapter | undefined): DriverStatements {
  let prepared = new Map<string, Database.Statement>();
  let preparedOn: Database.Database | undefined;
  const databaseOf = (adapter: Adapter | undefined, { orNone = false } = {}): Database.Database | undefined => {
    if (!adapter && orNone) return undefined;
    // The adapter keeps its connection as `client` (@prisma/adapter-better-sqlite3 6.x).
    const client = (adapter as { client?: unknown } | undefined)?.client;
    if (!(client instanceof Database)) throw new Error("Prisma's SQLite adapter holds no better-sqlite3 connection to write on.");
    return client;
  };
  /** The connection, open and outside any transaction; the caller runs its statements before its next await. */
  const open = async (): Promise<Database.Database> => {
    // Before Prisma's first query, or after a disconnect closed the connection, have Prisma open one.
    if (!(databaseOf(connection(), { orNone: true })?.open ?? false)) await connect();
    const database = databaseOf(connection())!;
    await outsideTransaction(database);
    return database;
  };
  const statementOf = (database: Database.Database, sql: string): Database.Statement => {
    if (preparedOn !== database || prepared.size >= PREPARED_STATEMENTS) [prepared, preparedOn] = [new Map(), database];
    let statement = prepared.get(sql);
    // The adapter reads integers as BigInt on this connection; these statements read them as numbers.
    if (!statement) prepared.set(sql, (statement = database.prepare(sql).safeIntegers(false)));
    return statement;
  };
  const rolledBack = Symbol("a mustChange step changed nothing");
  return {
    execute: async (sql, values) => Number(statementOf(await open(), sql).run(...values).changes),
    query: async (sql, values) => statementOf(await open(), sql).all(...values) as DriverRow[],
    async transaction(steps) {
      const database = await open();
      const run = database.transaction(() => {
        for (const { sql, values, mustChange } of steps) {
          if (statementOf(database, sql).run(...values).changes === 0 && mustChange) throw rolledBack;
        }
      });
      try {
        run.immediate();
        return true;
      } catch (error) {
        if (error === rolledBack) return false;
        throw error;
      }
    },
  };
}

/**
 * Driver statements over the pg pool of Prisma's PostgreSQL adapter (its `underlyingDriver()`), opened through
 * `connect` when Prisma has not connected yet.
 */
export function postgresStatements(connect: () => Promise<void>, connection: () => Adapter | undefined): DriverStatements {
  const poolOf = (adapter: Adapter | undefined, { orNone = false } = {}): Pool | undefined => {
    if (!adapter && orNone) return undefined;
    const pool = (adapter as { underlyingDriver?: () => unknown } | undefined)?.underlyingDriver?.();
    if (!pool || typeof (pool as Pool).query !== "function") throw new Error("Prisma's PostgreSQL adapter holds no pg pool to write on.");
    return pool as Pool;
  };
  // A pool Prisma is ending (a disconnect in progress) takes no more queries: one sent to it never settles.
  const isClosing = (pool: Pool | undefined) => pool === undefined || pool.ending || pool.ended;
  const pool = async (): Promise<Pool> => {
    if (isClosing(poolOf(connection(), { orNone: true }))) await connect();
    const opened = poolOf(connection())!;
    if (isClosing(opened)) throw new Error("The database connection is closing (the server is shutting down); the statement was not run.");
    return opened;
  };
  return {
    execute: async (sql, values) => (await (await pool()).query(sql, [...values])).rowCount ?? 0,
    query: async (sql, values) => (await (await pool()).query(sql, [...values])).rows as DriverRow[],
    async transaction(steps) {
      const client = await (await pool()).connect();
      let isBroken = false;
      try {
        await client.query("BEGIN");
        for (const { sql, values, mustChange } of steps) {
          if (((await client.query(sql, [...values])).rowCount ?? 0) === 0 && mustChange) {
            await client.query("ROLLBACK");
            return false;
          }
        }
        await client.query("COMMIT");
        return true;
      } catch (error) {
        // A connection that cannot even roll back is dropped instead of going back to the pool.
        await client.query("ROLLBACK").catch(() => void (isBroken = true));
        throw error;
      } finally {
        client.release(isBroken);
      }
    },
  };
}

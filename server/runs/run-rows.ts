// The writes every run makes, in SQL: its row when it starts and finishes, and its event rows. They go to the
// database driver directly (server/db/driver-statements.ts): through Prisma, even as raw SQL, each costs about
// 0.4 ms of CPU in its query compiler and interpreter, and as the driver's prepared statement a few microseconds.
// A run that waits on a model costs the server little else, so these writes decide how many runs one process
// carries. Reads stay with Prisma. What is written here reads back through Prisma exactly as its own writes do:
// JSON with reserved keys escaped (server/db/client.ts) and, on SQLite, times in Prisma's text form.
import { randomUUID } from "node:crypto";
import { escapeReservedKeys } from "@/lib/plain-data";
import { toStorable } from "@/lib/storable-data";
import type { Db } from "@/server/db/client";
import { sqlTime } from "@/server/db/driver-statements";
import type { DatabaseProvider } from "@/server/db/database-url";
import type { Run as RunRow } from "@/server/db/generated/sqlite/client";
import type { RunEventRow } from "./run-event-rows.ts";

/** What a new run row holds; the rest takes the column defaults. */
export type NewRun = {
  /** Default: a new UUID. */
  id?: string;
  userId: string;
  flowId: string;
  flowVersion: number;
  status: "queued" | "running";
  source: string;
  /** The chat session whose message the run answers, if any. */
  sessionId: string | null;
  input: unknown;
  createdAt: Date;
  startedAt: Date | null;
};

/** A finished run's outcome, written in one statement. */
export type RunOutcome = {
  status: string;
  lastSeq: number;
  output: unknown;
  error: unknown;
  inputTokens: number;
  outputTokens: number;
  finishedAt: Date;
};

/** Event rows per INSERT: six parameters each, well under SQLite's and PostgreSQL's parameter limits. */
const EVENT_ROWS_PER_STATEMENT = 500;
const EVENT_COLUMNS = ["runId", "seq", "endSeq", "type", "nodeId", "payload"] as const;
const RUN_COLUMNS = ["id", "userId", "flowId", "flowVersion", "status", "source", "sessionId", "input", "createdAt", "startedAt"] as const;

/**
 * A JSON column's text as Prisma would store it, reserved keys escaped. What a run received is stored whatever it
 * holds: lone surrogates become U+FFFD and parts nested past the stored depth become JSON text
 * (lib/storable-data.ts), which SQLite, PostgreSQL's jsonb and Prisma's reads all accept.
 */
const jsonText = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(escapeReservedKeys(toStorable(value))));

export type RunRows = ReturnType<typeof createRunRows>;

export function createRunRows({ statements, provider }: Pick<Db, "statements" | "provider">) {
  const placeholders = placeholderMaker(provider);
  const time = (date: Date | null) => (date === null ? null : sqlTime(provider, date));

  return {
    /** Inserts a run row and answers it as Prisma would read it back. */
    async insertRun(run: NewRun): Promise<RunRow> {
      const id = run.id ?? randomUUID();
      const values = [id, run.userId, run.flowId, run.flowVersion, run.status, run.source, run.sessionId, jsonText(run.input), time(run.createdAt), time(run.startedAt)];
      const types = { input: "jsonb", createdAt: "timestamp", startedAt: "timestamp" } as Record<string, string>;
      const columns = RUN_COLUMNS.map((name) => `"${name}"`).join(", ");
      await statements.execute(`INSERT INTO "Run" (${columns}) VALUES (${placeholders(RUN_COLUMNS.map((name) => types[name]), 0)})`, values);
      return {
        id,
        userId: run.userId,
        flowId: run.flowId,
        flowVersion: run.flowVersion,
        status: run.status,
        source: run.source,
        input: (run.input ?? null) as RunRow["input"],
        graph: null,
        output: null,
        error: null,
        inputTokens: 0,
        outputTokens: 0,
        lastSeq: 0,
        createdAt: run.createdAt,
        startedAt: run.startedAt,
        finishedAt: null,
        pinned: false,
        sessionId: run.sessionId,
      };
    },

    /** Marks a run that waited for a slot as running. */
    async markRunning(runId: string, startedAt: Date): Promise<void> {
      const [status, started, id] = placeholders([undefined, "timestamp", undefined], 0).split(", ");
      await statements.execute(`UPDATE "Run" SET "status" = ${status}, "startedAt" = ${started} WHERE "id" = ${id}`, ["running", time(startedAt), runId]);
    },

    /** Writes a run's outcome. */
    async finishRun(runId: string, outcome: RunOutcome): Promise<void> {
      const names = ["status", "lastSeq", "output", "error", "inputTokens", "outputTokens", "finishedAt"] as const;
      const marks = placeholders([undefined, undefined, "jsonb", "jsonb", undefined, undefined, "timestamp", undefined], 0).split(", ");
      const assignments = names.map((name, index) => `"${name}" = ${marks[index]}`).join(", ");
      await statements.execute(`UPDATE "Run" SET ${assignments} WHERE "id" = ${marks[names.length]}`, [
        outcome.status,
        outcome.lastSeq,
        jsonText(outcome.output),
        jsonText(outcome.error),
        outcome.inputTokens,
        outcome.outputTokens,
        time(outcome.finishedAt),
        runId,
      ]);
    },

    /** Inserts event rows (any runs), in as few statements as the parameter limits allow. */
    async insertEventRows(rows: RunEventRow[]): Promise<void> {
      const columns = EVENT_COLUMNS.map((name) => `"${name}"`).join(", ");
      const types = [undefined, undefined, undefined, undefined, undefined, "jsonb"];
      for (let start = 0; start < rows.length; start += EVENT_ROWS_PER_STATEMENT) {
        const chunk = rows.slice(start, start + EVENT_ROWS_PER_STATEMENT);
        const tuples = chunk.map((_row, index) => `(${placeholders(types, index * EVENT_COLUMNS.length)})`).join(", ");
        const values = chunk.flatMap((row) => [row.runId, row.seq, row.endSeq, row.type, row.nodeId, jsonText(row.payload)]);
        await statements.execute(`INSERT INTO "RunEvent" (${columns}) VALUES ${tuples}`, values);
      }
    },
  };
}

/**
 * Placeholders for `types.length` parameters starting after `offset`: `?` on SQLite; `$n`, cast to its type
 * where one is given, on PostgreSQL (text parameters do not turn into jsonb or timestamps by themselves).
 */
function placeholderMaker(provider: DatabaseProvider) {
  return (types: readonly (string | undefined)[], offset: number) =>
    types
      .map((type, index) => {
        if (provider === "sqlite") return "?";
        const cast = type === "jsonb" ? "::jsonb" : type === "timestamp" ? "::timestamp(3)" : "";
        return `$${offset + index + 1}${cast}`;
      })
      .join(", ");
}

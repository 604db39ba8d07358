// The run list of a flow, read in one SQL statement on the database driver (server/db/driver-statements.ts):
// the canvas's run history asks for it after every run, and a client following runs polls it. Through Prisma the
// read compiled its relation filter on every call and fetched every column, inputs and outputs included, for
// rows of which the list shows only the summary. Who may read a run is the rule of run-service.ts: whoever
// started it, and the owner of its flow.
import { restoreReservedKeys } from "@/lib/plain-data";
import type { RunLifecycle } from "@/lib/engine/run-state";
import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import { driverDate, driverJson, sqlTimestamp, type DriverRow } from "@/server/db/driver-statements";
import type { RunSummary } from "./run-records.ts";

/** Parameters in order: the flow id, the caller's id (runs they started), the caller's id (flows they own), the limit. */
function summariesSql(provider: Db["provider"]): string {
  const [flow, starter, owner, limit] = provider === "postgresql" ? ["$1", "$2", "$3", "$4"] : ["?", "?", "?", "?"];
  const time = (column: string) => `${sqlTimestamp(provider, `r."${column}"`)} AS "${column}"`;
  return `SELECT r."id", r."flowId", r."flowVersion", r."status", r."source", r."sessionId", ${time("createdAt")}, ${time("startedAt")},
      ${time("finishedAt")}, r."inputTokens", r."outputTokens", r."error", r."pinned"
    FROM "Run" r JOIN "Flow" f ON f."id" = r."flowId"
    WHERE r."flowId" = ${flow} AND (r."userId" = ${starter} OR f."ownerId" = ${owner})
    ORDER BY r."createdAt" DESC, r."id" DESC
    LIMIT ${limit}`;
}

/**
 * The newest `limit` runs of flow `flowId` the caller may read, newest first, as `toRunSummary` (run-records.ts)
 * makes them from Prisma's rows. Does not check that the caller may read the flow itself.
 */
export async function listRunSummaries({ statements, provider }: Pick<Db, "statements" | "provider">, caller: Pick<Caller, "userId">, flowId: string, limit: number): Promise<RunSummary[]> {
  const rows = await statements.query(summariesSql(provider), [flowId, caller.userId, caller.userId, limit]);
  return rows.map((row) => summaryOf(provider, row));
}

function summaryOf(provider: Db["provider"], row: DriverRow): RunSummary {
  const startedAt = driverDate(row.startedAt);
  const finishedAt = driverDate(row.finishedAt);
  const error = restoreReservedKeys(driverJson(provider, row.error)) as RunSummary["error"];
  return {
    id: row.id as string,
    flowId: row.flowId as string,
    flowVersion: Number(row.flowVersion),
    status: row.status as RunLifecycle,
    source: row.source as string,
    sessionId: (row.sessionId as string | null) ?? null,
    createdAt: driverDate(row.createdAt)!,
    startedAt,
    finishedAt,
    durationMs: startedAt && finishedAt ? finishedAt.getTime() - startedAt.getTime() : null,
    usage: { inputTokens: Number(row.inputTokens), outputTokens: Number(row.outputTokens) },
    error: error ?? null,
    pinned: Boolean(row.pinned),
  };
}

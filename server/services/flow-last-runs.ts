// The latest run of each of a list of flows, as the home page's cards show it: one query for the whole list
// (a window over the runs of those flows), not one per flow. Only the caller's own runs count: a run belongs
// to the user who started it, so on a flow shared with them a member sees their own last run, never the
// owner's (and the owner never sees the member's).
import type { Db } from "@/server/db/client";

/** A flow's latest run by the caller: its status (queued | running | succeeded | failed | cancelled | interrupted) and times. */
export type LastRun = { id: string; status: string; createdAt: Date; finishedAt: Date | null };

type RawClient = Pick<Db["prisma"], "$queryRawUnsafe">;
type LastRunRow = { id: string; flowId: string; status: string; createdAt: unknown; finishedAt: unknown };

/** `?` or `$n` placeholders for `count` values after `offset` others. */
function placeholders(provider: Db["provider"], count: number, offset: number): string {
  return Array.from({ length: count }, (_, index) => (provider === "postgresql" ? `$${offset + index + 1}` : "?")).join(", ");
}

function latestRunsSql(provider: Db["provider"], flowCount: number): string {
  const user = provider === "postgresql" ? "$1" : "?";
  return `SELECT "id", "flowId", "status", "createdAt", "finishedAt" FROM (
    SELECT "id", "flowId", "status", "createdAt", "finishedAt",
      ROW_NUMBER() OVER (PARTITION BY "flowId" ORDER BY "createdAt" DESC, "id" DESC) AS "rank"
    FROM "Run" WHERE "userId" = ${user} AND "flowId" IN (${placeholders(provider, flowCount, 1)})
  ) AS "latest" WHERE "rank" = 1`;
}

/** Prisma reads both databases' timestamp columns as Dates in raw rows too; text is accepted in case a driver does not. */
function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(value as string);
}

/** Flow id -> the caller's latest run of it; flows they never ran are absent. */
export async function lastRunsOf({ prisma, provider }: { prisma: RawClient; provider: Db["provider"] }, userId: string, flowIds: string[]): Promise<Map<string, LastRun>> {
  if (flowIds.length === 0) return new Map();
  const rows = await prisma.$queryRawUnsafe<LastRunRow[]>(latestRunsSql(provider, flowIds.length), userId, ...flowIds);
  return new Map(rows.map((row) => [row.flowId, { id: row.id, status: row.status, createdAt: toDate(row.createdAt)!, finishedAt: toDate(row.finishedAt) }]));
}

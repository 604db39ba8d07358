// The latest run of each of a list of flows, as the home page's cards show it: one query for the whole list
// (a window over the runs of those flows), not one per flow. Only runs the caller may read count, as in the
// run history (run-service.ts): their own, and any run of a flow they own. So a flow's owner sees the latest
// run by anyone, and a member of a shared flow sees their own latest run, never the owner's or another member's.
import type { Db } from "@/server/db/client";

/** A flow's latest run the caller may read: its status (queued | running | succeeded | failed | cancelled | interrupted) and times. */
export type LastRun = { id: string; status: string; createdAt: Date; finishedAt: Date | null };

type RawClient = Pick<Db["prisma"], "$queryRawUnsafe">;
type LastRunRow = { id: string; flowId: string; status: string; createdAt: unknown; finishedAt: unknown };

/** `?` or `$n` placeholders for `count` values after `offset` others. */
function placeholders(provider: Db["provider"], count: number, offset: number): string {
  return Array.from({ length: count }, (_, index) => (provider === "postgresql" ? `$${offset + index + 1}` : "?")).join(", ");
}

/** Parameters, in the order they appear (SQLite's `?` are positional and cannot be reused): the caller's id twice, then the flow ids. */
function latestRunsSql(provider: Db["provider"], flowCount: number): string {
  const [runUser, flowOwner] = provider === "postgresql" ? ["$1", "$2"] : ["?", "?"];
  return `SELECT "id", "flowId", "status", "createdAt", "finishedAt" FROM (
    SELECT "id", "flowId", "status", "createdAt", "finishedAt",
      ROW_NUMBER() OVER (PARTITION BY "flowId" ORDER BY "createdAt" DESC, "id" DESC) AS "rank"
    FROM "Run"
    WHERE ("userId" = ${runUser} OR EXISTS (SELECT 1 FROM "Flow" WHERE "Flow"."id" = "Run"."flowId" AND "Flow"."ownerId" = ${flowOwner}))
      AND "flowId" IN (${placeholders(provider, flowCount, 2)})
  ) AS "latest" WHERE "rank" = 1`;
}

/** Prisma reads both databases' timestamp columns as Dates in raw rows too; text is accepted in case a driver does not. */
function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(value as string);
}

/** Flow id -> the latest run of it the caller may read; flows without one are absent. */
export async function lastRunsOf({ prisma, provider }: { prisma: RawClient; provider: Db["provider"] }, userId: string, flowIds: string[]): Promise<Map<string, LastRun>> {
  if (flowIds.length === 0) return new Map();
  const rows = await prisma.$queryRawUnsafe<LastRunRow[]>(latestRunsSql(provider, flowIds.length), userId, userId, ...flowIds);
  return new Map(rows.map((row) => [row.flowId, { id: row.id, status: row.status, createdAt: toDate(row.createdAt)!, finishedAt: toDate(row.finishedAt) }]));
}

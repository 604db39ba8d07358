// The statements of a save, in SQL. A save runs on every autosave of the canvas, so it must cost little on a
// 500-node graph: Prisma's JSON parameters cost about 100 ms for such a graph (the object is walked and compiled
// into each query), and each Prisma query with a relation filter (owner or editor member) costs several ms of
// query compiling on every call; plain SQL with text parameters costs a fraction of a millisecond each. The graph
// being replaced is copied into its FlowVersion inside the database, so it is neither read into this process nor
// serialised again. All three run inside the save's transaction, in this order.
import { randomUUID } from "node:crypto";
import { escapeReservedKeys } from "@/lib/plain-data";
import { toStorable, toStorableText } from "@/lib/storable-data";
import type { FlowGraph } from "@/lib/flow/graph-schema";
import type { DatabaseProvider } from "@/server/db/database-url";

type RawClient = { $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number> };

// The editor check is the same as flow-service's `editableWhere`: the owner, or a member with role "editor".
const statements = {
  sqlite: {
    bumpVersion: `UPDATE "Flow" SET "version" = ? + 1, "updatedAt" = ? WHERE "id" = ? AND "version" = ?
      AND ("ownerId" = ? OR EXISTS (SELECT 1 FROM "FlowMember" WHERE "flowId" = "Flow"."id" AND "userId" = ? AND "role" = 'editor'))`,
    snapshot: `INSERT INTO "FlowVersion" ("id", "flowId", "version", "name", "graph", "createdAt")
      SELECT ?, "id", ?, "name", "graph", ? FROM "Flow" WHERE "id" = ?`,
    writeGraph: `UPDATE "Flow" SET "graph" = ?, "name" = COALESCE(?, "name"), "description" = COALESCE(?, "description") WHERE "id" = ?`,
  },
  postgresql: {
    bumpVersion: `UPDATE "Flow" SET "version" = $1 + 1, "updatedAt" = $2 WHERE "id" = $3 AND "version" = $4
      AND ("ownerId" = $5 OR EXISTS (SELECT 1 FROM "FlowMember" WHERE "flowId" = "Flow"."id" AND "userId" = $6 AND "role" = 'editor'))`,
    snapshot: `INSERT INTO "FlowVersion" ("id", "flowId", "version", "name", "graph", "createdAt")
      SELECT $1, "id", $2, "name", "graph", $3 FROM "Flow" WHERE "id" = $4`,
    writeGraph: `UPDATE "Flow" SET "graph" = $1::jsonb, "name" = COALESCE($2::text, "name"), "description" = COALESCE($3::text, "description") WHERE "id" = $4`,
  },
} as const;

/**
 * Moves the flow from `version` to `version + 1` and sets its `updatedAt`, if it is still at `version` and
 * `userId` owns it or is an editor of it. Answers whether it did (false: stale version, or no such access).
 * Under PostgreSQL the update locks the row, so of two saves from the same version the second waits, then
 * finds the version moved on and answers false.
 */
export async function bumpFlowVersion(tx: RawClient, provider: DatabaseProvider, save: { flowId: string; version: number; userId: string; updatedAt: Date }): Promise<boolean> {
  const { flowId, version, userId, updatedAt } = save;
  return (await tx.$executeRawUnsafe(statements[provider].bumpVersion, version, updatedAt, flowId, version, userId, userId)) === 1;
}

/** Keeps the flow's stored name and graph as its FlowVersion `version` (the version being replaced). */
export async function snapshotFlowVersion(tx: RawClient, provider: DatabaseProvider, flowId: string, version: number, createdAt: Date): Promise<void> {
  await tx.$executeRawUnsafe(statements[provider].snapshot, randomUUID(), version, createdAt, flowId);
}

/**
 * Stores `graph` as the flow's graph (and `name` and `description` when given), made storable and with
 * reserved keys escaped as every Prisma write does (server/db/client.ts): lone surrogates become U+FFFD, so
 * PostgreSQL accepts it and Prisma reads it back.
 */
export async function writeFlowGraph(tx: RawClient, provider: DatabaseProvider, flowId: string, content: { graph: FlowGraph; name?: string; description?: string }): Promise<void> {
  const text = (value: string | undefined) => (value === undefined ? null : toStorableText(value));
  const graph = JSON.stringify(escapeReservedKeys(toStorable(content.graph)));
  await tx.$executeRawUnsafe(statements[provider].writeGraph, graph, text(content.name), text(content.description), flowId);
}

// The statements of a save, in SQL on the database driver. A save runs on every autosave of the canvas, so it
// must cost little on a 500-node graph: Prisma's JSON parameters cost about 100 ms for such a graph (the object
// is walked and compiled into each query), and even a raw statement through Prisma spent about 16 ms of CPU in its
// query compiler on the graph's text; the driver's prepared statements cost a fraction of a millisecond each. The graph
// being replaced is copied into its FlowVersion inside the database, so it is neither read into this process nor
// serialised again. All three run in one transaction, in this order.
import { randomUUID } from "node:crypto";
import { escapeReservedKeys } from "@/lib/plain-data";
import { toStorable, toStorableText } from "@/lib/storable-data";
import type { FlowGraph } from "@/lib/flow/graph-schema";
import type { DatabaseProvider } from "@/server/db/database-url";
import { sqlTime, type TransactionStep } from "@/server/db/driver-statements";

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

/** A save: the flow, the version it replaces, who saves it and when, and what it stores. */
export type FlowSave = { flowId: string; version: number; userId: string; updatedAt: Date; graph: FlowGraph; name?: string; description?: string };

/**
 * The save's three statements, for one transaction (DriverStatements.transaction):
 * 1. moves the flow from `version` to `version + 1` and sets its `updatedAt`, if it is still at `version` and
 *    `userId` owns it or is an editor of it; a step that must change its row, so a stale version or no access
 *    rolls the save back. Under PostgreSQL the update locks the row, so of two saves from the same version the
 *    second waits, then finds the version moved on and changes nothing.
 * 2. keeps the flow's stored name and graph as its FlowVersion `version` (the version being replaced);
 * 3. stores `graph` as the flow's graph (and `name` and `description` when given), made storable and with
 *    reserved keys escaped as every Prisma write does (server/db/client.ts): lone surrogates become U+FFFD, so
 *    PostgreSQL accepts it and Prisma reads it back.
 */
export function flowSaveSteps(provider: DatabaseProvider, save: FlowSave): TransactionStep[] {
  const { flowId, version, userId } = save;
  const updatedAt = sqlTime(provider, save.updatedAt);
  const text = (value: string | undefined) => (value === undefined ? null : toStorableText(value));
  const graph = JSON.stringify(escapeReservedKeys(toStorable(save.graph)));
  const sql = statements[provider];
  return [
    { sql: sql.bumpVersion, values: [version, updatedAt, flowId, version, userId, userId], mustChange: true },
    { sql: sql.snapshot, values: [randomUUID(), version, updatedAt, flowId] },
    { sql: sql.writeGraph, values: [graph, text(save.name), text(save.description), flowId] },
  ];
}

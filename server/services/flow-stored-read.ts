// One flow as stored, with its owner's name and the caller's membership, read in one SQL statement on the
// database driver (server/db/driver-statements.ts). Every run, run list and flow open reads it; through Prisma
// the read and its two relations cost about 3 ms of CPU (three statements, each compiled by the WebAssembly
// query compiler), which a run started over the API paid on top of the model. Who may read a flow is the rule of flow-access.ts: its owner and its members.
import { restoreReservedKeys } from "@/lib/plain-data";
import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import { driverDate, driverJson, sqlTimestamp } from "@/server/db/driver-statements";

/** A flow row as `storedRecord` (flow-service.ts) maps it: the caller's membership is `members` (0 or 1 row). */
export type StoredFlowRow = {
  id: string;
  name: string;
  description: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  ownerId: string;
  owner: { id: string; name: string };
  members: { role: string }[];
  graph: unknown;
};

type RawFlowRow = Omit<StoredFlowRow, "owner" | "members" | "createdAt" | "updatedAt"> & {
  createdAt: unknown;
  updatedAt: unknown;
  ownerName: string;
  memberRole: string | null;
};

/** Parameters in order (SQLite's `?` are positional): the caller's id (membership), the flow id, the caller's id (owner). */
const storedFlowSql = (provider: Db["provider"]) => {
  const [member, flow, owner] = provider === "postgresql" ? ["$1", "$2", "$3"] : ["?", "?", "?"];
  return `SELECT f."id", f."name", f."description", f."version", ${sqlTimestamp(provider, 'f."createdAt"')} AS "createdAt",
      ${sqlTimestamp(provider, 'f."updatedAt"')} AS "updatedAt", f."ownerId", f."graph",
      o."name" AS "ownerName", m."role" AS "memberRole"
    FROM "Flow" f
    JOIN "User" o ON o."id" = f."ownerId"
    LEFT JOIN "FlowMember" m ON m."flowId" = f."id" AND m."userId" = ${member}
    WHERE f."id" = ${flow} AND (f."ownerId" = ${owner} OR m."id" IS NOT NULL)`;
};

/**
 * The flow `id` as stored, if the caller owns it or is a member; null otherwise. The graph comes back as
 * Prisma reads JSON, reserved keys restored (server/db/client.ts), not yet validated.
 */
export async function readStoredFlow({ statements, provider }: Pick<Db, "statements" | "provider">, caller: Pick<Caller, "userId">, id: string): Promise<StoredFlowRow | null> {
  const [row] = (await statements.query(storedFlowSql(provider), [caller.userId, id, caller.userId])) as RawFlowRow[];
  if (!row) return null;
  const { ownerName, memberRole, createdAt, updatedAt, graph, ...rest } = row;
  return {
    ...rest,
    createdAt: driverDate(createdAt)!,
    updatedAt: driverDate(updatedAt)!,
    owner: { id: row.ownerId, name: ownerName },
    members: memberRole === null ? [] : [{ role: memberRole }],
    graph: restoreReservedKeys(driverJson(provider, graph)),
  };
}

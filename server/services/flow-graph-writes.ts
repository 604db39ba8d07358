// The two graph writes of a save, in SQL: Prisma's JSON parameters cost about 100 ms for a 500-node graph
// (the object is walked and compiled into each query), a text parameter a fraction of that. The graph being
// replaced is copied into its FlowVersion inside the database, so it is neither read into this process nor
// serialised again. Both run inside the save's transaction, after its conditional version update.
import { escapeReservedKeys } from "@/lib/plain-data";
import { toStorable } from "@/lib/storable-data";
import type { FlowGraph } from "@/lib/flow/graph-schema";
import type { DatabaseProvider } from "@/server/db/database-url";

type RawClient = { $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number> };

const statements = {
  sqlite: {
    copyToVersion: 'UPDATE "FlowVersion" SET "graph" = (SELECT "graph" FROM "Flow" WHERE "id" = ?) WHERE "flowId" = ? AND "version" = ?',
    writeGraph: 'UPDATE "Flow" SET "graph" = ? WHERE "id" = ?',
  },
  postgresql: {
    copyToVersion: 'UPDATE "FlowVersion" SET "graph" = (SELECT "graph" FROM "Flow" WHERE "id" = $1) WHERE "flowId" = $2 AND "version" = $3',
    writeGraph: 'UPDATE "Flow" SET "graph" = $1::jsonb WHERE "id" = $2',
  },
} as const;

/** Copies the flow's stored graph into its FlowVersion row `version` (which must exist). */
export async function copyGraphToVersion(tx: RawClient, provider: DatabaseProvider, flowId: string, version: number): Promise<void> {
  await tx.$executeRawUnsafe(statements[provider].copyToVersion, flowId, flowId, version);
}

/**
 * Stores `graph` as the flow's graph, made storable and with reserved keys escaped as every Prisma write
 * does (server/db/client.ts): lone surrogates become U+FFFD, so PostgreSQL accepts it and Prisma reads it back.
 */
export async function writeFlowGraph(tx: RawClient, provider: DatabaseProvider, flowId: string, graph: FlowGraph): Promise<void> {
  await tx.$executeRawUnsafe(statements[provider].writeGraph, JSON.stringify(escapeReservedKeys(toStorable(graph))), flowId);
}

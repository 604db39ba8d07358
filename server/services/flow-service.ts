// Flows: persistence, optimistic concurrency and version snapshots. Routers call this; nothing else
// touches the Flow tables.
import { AppError } from "@/lib/errors";
import { emptyGraph, flowGraphSchema, type FlowGraph } from "@/lib/flow/graph-schema";
import { stripSecrets } from "@/lib/flow/strip-secrets";
import type { Db } from "@/server/db/client";
import type { Flow as FlowRow, Prisma } from "@/server/db/generated/sqlite/client";

export type FlowSummary = {
  id: string;
  name: string;
  description: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};
export type FlowRecord = FlowSummary & { graph: FlowGraph };

export type CreateFlowInput = { name: string; description?: string; graph?: FlowGraph };
export type UpdateFlowInput = { id: string; version: number; graph: FlowGraph; name?: string; description?: string };
export type ListFlowsInput = { search?: string; limit?: number };

/** A graph as Prisma's JSON column type wants it (the schema has already guaranteed it is plain JSON). */
const asJson = (graph: FlowGraph) => graph as unknown as Prisma.InputJsonObject;

const summaryFields = { id: true, name: true, description: true, version: true, createdAt: true, updatedAt: true } as const;

function toRecord(row: FlowRow): FlowRecord {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    graph: flowGraphSchema.parse(row.graph),
  };
}

export const flowNotFound = (id: string) =>
  new AppError("NOT_FOUND", `flow "${id}" does not exist`, { userMessage: "This flow does not exist (it may have been deleted)." });

export function createFlowService({ prisma, provider }: Db) {
  async function get(id: string): Promise<FlowRecord> {
    const row = await prisma.flow.findUnique({ where: { id } });
    if (!row) throw flowNotFound(id);
    return toRecord(row);
  }

  async function create(input: CreateFlowInput): Promise<FlowRecord> {
    const row = await prisma.flow.create({
      data: { name: input.name, description: input.description ?? "", graph: asJson(input.graph ?? emptyGraph()) },
    });
    return toRecord(row);
  }

  async function list({ search, limit = 100 }: ListFlowsInput = {}): Promise<FlowSummary[]> {
    const term = search?.trim();
    // SQLite's LIKE ignores ASCII case already; PostgreSQL needs to be asked.
    const nameFilter = term ? { contains: term, ...(provider === "postgresql" ? { mode: "insensitive" } : {}) } : undefined;
    return prisma.flow.findMany({
      where: nameFilter ? { name: nameFilter as { contains: string } } : undefined,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: limit,
      select: summaryFields,
    });
  }

  /**
   * Saves a new graph if `version` is still the current one; the graph it replaces is kept as a FlowVersion.
   * The version check and the write are one conditional update, so of two saves from the same version
   * exactly one wins and the other gets CONFLICT.
   */
  async function update(input: UpdateFlowInput): Promise<FlowRecord> {
    return prisma.$transaction(async (tx) => {
      const current = await tx.flow.findUnique({ where: { id: input.id } });
      if (!current) throw flowNotFound(input.id);
      const written = await tx.flow.updateMany({
        where: { id: input.id, version: input.version },
        data: {
          graph: asJson(input.graph),
          version: input.version + 1,
          ...(input.name !== undefined && { name: input.name }),
          ...(input.description !== undefined && { description: input.description }),
        },
      });
      if (current.version !== input.version || written.count === 0) throw versionConflict(input.id, input.version);
      await tx.flowVersion.create({
        data: { flowId: current.id, version: current.version, name: current.name, graph: current.graph as Prisma.InputJsonValue },
      });
      return toRecord(await tx.flow.findUniqueOrThrow({ where: { id: input.id } }));
    });
  }

  async function rename(id: string, name: string): Promise<FlowSummary> {
    await get(id);
    return prisma.flow.update({ where: { id }, data: { name }, select: summaryFields });
  }

  async function duplicate(id: string, name?: string): Promise<FlowRecord> {
    const source = await get(id);
    return create({ name: name ?? copyName(source.name), description: source.description, graph: stripSecrets(source.graph).graph });
  }

  async function remove(id: string): Promise<{ id: string }> {
    const { count } = await prisma.flow.deleteMany({ where: { id } });
    if (count === 0) throw flowNotFound(id);
    return { id };
  }

  return { get, create, list, update, rename, duplicate, remove };
}

export type FlowService = ReturnType<typeof createFlowService>;

function versionConflict(id: string, version: number) {
  return new AppError("CONFLICT", `flow "${id}" is no longer at version ${version}`, {
    userMessage: "This flow was changed somewhere else since you opened it.",
    details: { staleVersion: version },
  });
}

/** "Name" -> "Name (copy)", kept within the 200-character limit. */
export function copyName(name: string): string {
  const suffix = " (copy)";
  return name.slice(0, 200 - suffix.length) + suffix;
}

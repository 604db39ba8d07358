// Flows: persistence, ownership, optimistic concurrency and version snapshots. Routers call this; nothing
// else touches the Flow tables. Every call takes the caller: a flow is reachable by its owner and its
// members (see flow-access.ts), and one the caller cannot reach reads as one that does not exist.
// A viewer gets a flow as an export carries it (no secrets in name, description or graph); the owner and
// editors get it as stored, since they save it back. Runs, compiling and exports read it as stored.
import { AppError } from "@/lib/errors";
import { withoutSecrets } from "@/lib/flow/flow-document";
import { emptyGraph, flowGraphSchema, type FlowGraph } from "@/lib/flow/graph-schema";
import { stripFlowSecrets, type FlowContent } from "@/lib/flow/strip-secrets";
import { previewGraph, type GraphPreview } from "@/lib/templates/preview";
import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/sqlite/client";
import { flowSaveSteps } from "./flow-graph-writes.ts";
import { accessOf, callerMembership, flowNotFound, readableFlowsWhere, requireFlowAccess, type FlowAccess } from "./flow-access.ts";
import { lastRunsOf, type LastRun } from "./flow-last-runs.ts";
import { readStoredFlow } from "./flow-stored-read.ts";

export { flowNotFound } from "./flow-access.ts";
export type { LastRun } from "./flow-last-runs.ts";

/**
 * A flow as lists show it. `access` is the caller's relation to it (owner, editor or viewer);
 * `owner` says whose flow it is, so a flow shared with the caller can be told apart from their own.
 */
export type FlowSummary = {
  id: string;
  name: string;
  description: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  access: FlowAccess;
  owner: { id: string; name: string };
};
export type FlowRecord = FlowSummary & { graph: FlowGraph };
/** A flow as the home page's cards show it: a miniature of its graph and the latest run of it the caller may read (null: none). */
export type FlowListItem = FlowSummary & { preview: GraphPreview; lastRun: LastRun | null };
/**
 * What a save answers: the new version (the one the next save must name) and when it was written. The
 * graph is not sent back: the caller has just sent it, and on a large flow the echo costs more than the write.
 */
export type SavedFlow = { version: number; updatedAt: Date };

export type CreateFlowInput = { name: string; description?: string; graph?: FlowGraph };
export type UpdateFlowInput = { id: string; version: number; graph: FlowGraph; name?: string; description?: string };
export type ListFlowsInput = { search?: string; limit?: number };

/** A graph as Prisma's JSON column type wants it (the schema has already guaranteed it is plain JSON). */
const asJson = (graph: FlowGraph) => graph as unknown as Prisma.InputJsonObject;

const rowFields = (caller: Pick<Caller, "userId">) =>
  ({
    id: true,
    name: true,
    description: true,
    version: true,
    createdAt: true,
    updatedAt: true,
    ownerId: true,
    owner: { select: { id: true, name: true } },
    members: callerMembership(caller),
  }) as const;

type SummaryRow = Omit<FlowSummary, "access"> & { ownerId: string; members: { role: string }[] };

/**
 * A flow, summary or version as a caller with `access` may see it: a viewer, who cannot save it back, gets it
 * without secrets (as an export carries it); the owner and editors get it as stored.
 */
export function asSeenBy<T extends FlowContent>(access: FlowAccess, flow: T): T {
  return access === "viewer" ? stripFlowSecrets(flow).flow : flow;
}

function storedSummary(caller: Pick<Caller, "userId">, row: SummaryRow): FlowSummary {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    access: accessOf(caller, row) ?? "viewer",
    owner: row.owner,
  };
}

function toSummary(caller: Pick<Caller, "userId">, row: SummaryRow): FlowSummary {
  const summary = storedSummary(caller, row);
  return asSeenBy(summary.access, summary);
}

const storedRecord = (caller: Pick<Caller, "userId">, row: SummaryRow & { graph: unknown }): FlowRecord => ({
  ...storedSummary(caller, row),
  graph: flowGraphSchema.parse(row.graph),
});

export function createFlowService({ prisma, provider, statements }: Db) {
  const recordFields = (caller: Caller) => ({ ...rowFields(caller), graph: true });

  /**
   * The flow as stored, if the caller can read it: for server-side use only (runs, compiling, exports and
   * duplicates, which strip it themselves). @throws AppError NOT_FOUND otherwise.
   */
  async function getStored(caller: Caller, id: string): Promise<FlowRecord> {
    const row = await readStoredFlow({ statements, provider }, caller, id);
    if (!row) throw flowNotFound(id);
    return storedRecord(caller, row);
  }

  /**
   * The graph a run of flow `id` at `version` executes, as stored: the flow's own while it is still at that
   * version, else the FlowVersion copy its next save kept. Null when neither exists (the flow was deleted).
   * For queue workers executing a run whose access was checked when it was started: no caller, no check.
   */
  async function storedGraphAt(id: string, version: number): Promise<FlowGraph | null> {
    const flow = await prisma.flow.findUnique({ where: { id }, select: { version: true, graph: true } });
    if (!flow) return null;
    if (flow.version === version) return flowGraphSchema.parse(flow.graph);
    const kept = await prisma.flowVersion.findUnique({ where: { flowId_version: { flowId: id, version } }, select: { graph: true } });
    return kept ? flowGraphSchema.parse(kept.graph) : null;
  }

  /** The flow as the caller may see it (see asSeenBy). @throws AppError NOT_FOUND if the caller cannot read it. */
  async function get(caller: Caller, id: string): Promise<FlowRecord> {
    const flow = await getStored(caller, id);
    return asSeenBy(flow.access, flow);
  }

  /** A new flow owned by the caller. */
  async function create(caller: Caller, input: CreateFlowInput): Promise<FlowRecord> {
    const row = await prisma.flow.create({
      data: { ownerId: caller.userId, name: input.name, description: input.description ?? "", graph: asJson(input.graph ?? emptyGraph()) },
      select: recordFields(caller),
    });
    return storedRecord(caller, row);
  }

  /**
   * The caller's own flows and those shared with them, newest change first, each with a preview of its graph
   * and the latest run of it the caller may read. Two queries whatever the number of flows.
   */
  async function list(caller: Caller, { search, limit = 100 }: ListFlowsInput = {}): Promise<FlowListItem[]> {
    const term = search?.trim();
    // SQLite's LIKE ignores ASCII case already; PostgreSQL needs to be asked.
    const nameFilter = term ? { contains: term, ...(provider === "postgresql" ? { mode: "insensitive" } : {}) } : undefined;
    const rows = await prisma.flow.findMany({
      where: { ...readableFlowsWhere(caller), ...(nameFilter && { name: nameFilter as { contains: string } }) },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: limit,
      select: { ...rowFields(caller), graph: true },
    });
    const lastRuns = await lastRunsOf({ prisma, provider }, caller.userId, rows.map((row) => row.id));
    return rows.map((row) => ({ ...toSummary(caller, row), preview: previewOf(row.graph), lastRun: lastRuns.get(row.id) ?? null }));
  }

  /**
   * Saves a new graph if `version` is still the current one; the graph it replaces is kept as a FlowVersion.
   * Needs the owner or an editor. The version check, the access check and the write are one conditional
   * update, so of two saves from the same version exactly one wins and the other gets CONFLICT; the snapshot
   * and the graph write follow it in the same transaction (see flow-graph-writes.ts for why they are driver SQL).
   * @throws AppError CONFLICT when the flow is no longer at `version`, NOT_FOUND or FORBIDDEN without access.
   */
  async function update(caller: Caller, input: UpdateFlowInput): Promise<SavedFlow> {
    const updatedAt = new Date();
    const save = { flowId: input.id, version: input.version, userId: caller.userId, updatedAt, graph: input.graph, name: input.name, description: input.description };
    if (!(await statements.transaction(flowSaveSteps(provider, save)))) {
      // Only a refused save pays for finding out why: no access (NOT_FOUND, FORBIDDEN), else a stale version.
      await requireFlowAccess(prisma, caller, input.id, "editor");
      throw versionConflict(input.id, input.version);
    }
    return { version: input.version + 1, updatedAt };
  }

  /** Renames the flow; needs the owner or an editor. */
  async function rename(caller: Caller, id: string, name: string): Promise<FlowSummary> {
    await requireFlowAccess(prisma, caller, id, "editor");
    return toSummary(caller, await prisma.flow.update({ where: { id }, data: { name }, select: rowFields(caller) }));
  }

  /** Copies a flow the caller can read into a new flow owned by the caller, without its secrets (name and description included). */
  async function duplicate(caller: Caller, id: string, name?: string): Promise<FlowRecord> {
    const source = withoutSecrets(await getStored(caller, id));
    return create(caller, { name: name ?? copyName(source.name), description: source.description, graph: source.graph });
  }

  /** Deletes the flow with its versions, runs and share links; only the owner may. */
  async function remove(caller: Caller, id: string): Promise<{ id: string }> {
    await requireFlowAccess(prisma, caller, id, "owner");
    const { count } = await prisma.flow.deleteMany({ where: { id, ownerId: caller.userId } });
    if (count === 0) throw flowNotFound(id);
    return { id };
  }

  return { get, getStored, storedGraphAt, create, list, update, rename, duplicate, remove };
}

export type FlowService = ReturnType<typeof createFlowService>;

function versionConflict(id: string, version: number) {
  return new AppError("CONFLICT", `flow "${id}" is no longer at version ${version}`, {
    userMessage: "This flow was changed somewhere else since you opened it.",
    details: { staleVersion: version },
  });
}

/** A card-sized preview of a stored graph; an unreadable one previews as empty rather than failing the list. */
function previewOf(stored: unknown): GraphPreview {
  const parsed = flowGraphSchema.safeParse(stored);
  return previewGraph(parsed.success ? parsed.data : emptyGraph());
}

/** "Name" -> "Name (copy)", kept within the 200-character limit. */
export function copyName(name: string): string {
  const suffix = " (copy)";
  return name.slice(0, 200 - suffix.length) + suffix;
}

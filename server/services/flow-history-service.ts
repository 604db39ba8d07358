// A flow's earlier versions: list, preview and restore. Restoring is itself a new version, so it can be undone.
// Reading versions needs read access to the flow (owner or member); restoring needs the owner or an editor.
// A viewer reads versions without their secrets, as they read the flow itself (asSeenBy).
import { AppError } from "@/lib/errors";
import { flowGraphSchema, type FlowGraph } from "@/lib/flow/graph-schema";
import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import { asSeenBy, type FlowService, type SavedFlow } from "./flow-service.ts";

export type FlowVersionSummary = { version: number; name: string; createdAt: Date };
export type FlowVersionRecord = FlowVersionSummary & { graph: FlowGraph };
/** A restore's answer: the new version and the graph it now holds (the canvas replaces its document with it). */
export type RestoredFlow = SavedFlow & { graph: FlowGraph };

export function createFlowHistoryService({ prisma }: Db, flows: FlowService) {
  async function list(caller: Caller, flowId: string): Promise<FlowVersionSummary[]> {
    const { access } = await flows.get(caller, flowId);
    const rows = await prisma.flowVersion.findMany({
      where: { flowId },
      orderBy: { version: "desc" },
      select: { version: true, name: true, createdAt: true },
    });
    return rows.map((row) => asSeenBy(access, row));
  }

  /** Version `version` as the caller may see it. @throws AppError NOT_FOUND when the flow or the version does not exist. */
  async function get(caller: Caller, flowId: string, version: number): Promise<FlowVersionRecord> {
    const { access } = await flows.get(caller, flowId);
    return asSeenBy(access, await storedVersion(flowId, version));
  }

  async function storedVersion(flowId: string, version: number): Promise<FlowVersionRecord> {
    const row = await prisma.flowVersion.findUnique({ where: { flowId_version: { flowId, version } } });
    if (!row) {
      throw new AppError("NOT_FOUND", `flow "${flowId}" has no saved version ${version}`, {
        userMessage: `Version ${version} of this flow does not exist.`,
      });
    }
    return { version: row.version, name: row.name, createdAt: row.createdAt, graph: flowGraphSchema.parse(row.graph) };
  }

  /** Saves version `version`'s graph as the newest version, if the flow is still at `expectedVersion`. */
  async function restore(caller: Caller, flowId: string, version: number, expectedVersion: number): Promise<RestoredFlow> {
    const snapshot = await get(caller, flowId, version);
    // Only the owner or an editor gets past update(), and they see the version as stored.
    const saved = await flows.update(caller, { id: flowId, version: expectedVersion, graph: snapshot.graph });
    return { ...saved, graph: snapshot.graph };
  }

  return { list, get, restore };
}

// Flows as MCP tools: the owner's "expose as tool" setting (name, description) and the lookups /api/mcp makes.
// Only a flow's owner may expose it, and a key lists and calls only its own user's flows: a flow shared with
// someone is never a tool of theirs, and another user's tool name reads as one that does not exist.
import { AppError } from "@/lib/errors";
import { defaultFlowToolName, flowToolDescriptionOf } from "@/lib/flow/flow-tool";
import { flowGraphSchema, type FlowGraph } from "@/lib/flow/graph-schema";
import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import { requireFlowAccess } from "./flow-access.ts";

/**
 * A flow's tool setting as its settings form shows it. `toolName` and `description` are what is stored, or the
 * defaults (from the flow's name; empty description meaning the flow's own) when nothing was chosen yet.
 */
export type FlowToolSettings = { flowId: string; exposed: boolean; toolName: string; description: string; flowDescription: string };
export type SetFlowToolInput = { flowId: string; exposed: boolean; toolName: string; description: string };

/** One exposed flow as /api/mcp offers it: `description` already falls back to the flow's own. */
export type ExposedFlowTool = { flowId: string; toolName: string; description: string; graph: FlowGraph };

const settingsFields = { id: true, name: true, description: true, mcpExposed: true, mcpToolName: true, mcpToolDescription: true } as const;
type SettingsRow = { id: string; name: string; description: string; mcpExposed: boolean; mcpToolName: string | null; mcpToolDescription: string };

const toSettings = (row: SettingsRow): FlowToolSettings => ({
  flowId: row.id,
  exposed: row.mcpExposed,
  toolName: row.mcpToolName ?? defaultFlowToolName(row.name),
  description: row.mcpToolDescription,
  flowDescription: row.description,
});

const nameTaken = (toolName: string, otherFlowName: string) =>
  new AppError("CONFLICT", `tool name "${toolName}" is taken by flow "${otherFlowName}"`, {
    userMessage: `Your flow "${otherFlowName}" already uses the tool name "${toolName}"; MCP tool names must be unique among your flows. Pick another name.`,
  });

const toExposed = (row: SettingsRow & { graph: unknown }): ExposedFlowTool => ({
  flowId: row.id,
  toolName: row.mcpToolName ?? defaultFlowToolName(row.name),
  description: flowToolDescriptionOf(row, row.mcpToolDescription),
  graph: flowGraphSchema.parse(row.graph),
});

const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === "P2002";

export function createFlowToolService({ prisma }: Db) {
  /** The tool setting of a flow the caller owns. @throws AppError NOT_FOUND (not theirs), FORBIDDEN (a member). */
  async function get(caller: Caller, flowId: string): Promise<FlowToolSettings> {
    await requireFlowAccess(prisma, caller, flowId, "owner");
    return toSettings(await prisma.flow.findUniqueOrThrow({ where: { id: flowId }, select: settingsFields }));
  }

  /**
   * Stores the setting (input validated by the router's zod schema). The name is kept even while the flow is
   * not exposed, so turning it back on keeps it.
   * @throws AppError CONFLICT when another of the caller's flows has that tool name.
   */
  async function set(caller: Caller, input: SetFlowToolInput): Promise<FlowToolSettings> {
    await requireFlowAccess(prisma, caller, input.flowId, "owner");
    const other = await prisma.flow.findFirst({
      where: { ownerId: caller.userId, mcpToolName: input.toolName, id: { not: input.flowId } },
      select: { name: true },
    });
    if (other) throw nameTaken(input.toolName, other.name);
    const row = await prisma.flow
      .update({
        where: { id: input.flowId },
        data: { mcpExposed: input.exposed, mcpToolName: input.toolName, mcpToolDescription: input.description.trim() },
        select: settingsFields,
      })
      .catch((error: unknown) => {
        // Two saves racing for one name: the unique index decides, and the loser hears why.
        if (isUniqueViolation(error)) throw nameTaken(input.toolName, "another flow");
        throw error;
      });
    return toSettings(row);
  }

  /** The caller's own exposed flows, by tool name. */
  async function listExposed(caller: Caller): Promise<ExposedFlowTool[]> {
    const rows = await prisma.flow.findMany({
      where: { ownerId: caller.userId, mcpExposed: true, mcpToolName: { not: null } },
      orderBy: { mcpToolName: "asc" },
      select: { ...settingsFields, graph: true },
    });
    return rows.map(toExposed);
  }

  /** The caller's exposed flow with this tool name, or null (also for another user's tool). */
  async function findExposed(caller: Caller, toolName: string): Promise<ExposedFlowTool | null> {
    const row = await prisma.flow.findFirst({ where: { ownerId: caller.userId, mcpExposed: true, mcpToolName: toolName }, select: { ...settingsFields, graph: true } });
    return row && toExposed(row);
  }

  return { get, set, listExposed, findExposed };
}

export type FlowToolService = ReturnType<typeof createFlowToolService>;

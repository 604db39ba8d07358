// The people a flow is shared with (the "People" part of the share dialog): added by email as viewer or
// editor, their role changed, listed and removed, by the flow's owner only. A member's access ends the
// moment their row is deleted: every flow query joins FlowMember afresh.
import { AppError } from "@/lib/errors";
import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import { requireFlowAccess, type FlowMemberRole } from "./flow-access.ts";

export type FlowMemberSummary = { userId: string; name: string; email: string; role: FlowMemberRole; createdAt: Date };

const memberFields = { userId: true, role: true, createdAt: true, user: { select: { name: true, email: true } } } as const;

type MemberRow = { userId: string; role: string; createdAt: Date; user: { name: string; email: string } };
const toSummary = (row: MemberRow): FlowMemberSummary => ({
  userId: row.userId,
  name: row.user.name,
  email: row.user.email,
  role: row.role as FlowMemberRole,
  createdAt: row.createdAt,
});

const memberNotFound = (flowId: string, userId: string) =>
  new AppError("NOT_FOUND", `user "${userId}" is not a member of flow "${flowId}"`, { userMessage: "This person does not have access to this flow." });

export function createFlowMemberService({ prisma }: Db) {
  /** The flow's members, oldest first. Owner only. */
  async function list(caller: Caller, flowId: string): Promise<FlowMemberSummary[]> {
    await requireFlowAccess(prisma, caller, flowId, "owner");
    const rows = await prisma.flowMember.findMany({ where: { flowId }, orderBy: { createdAt: "asc" }, select: memberFields });
    return rows.map(toSummary);
  }

  /**
   * Shares the flow with the user who has `email` on this server, or changes their role if they already have access.
   * @throws AppError NOT_FOUND when no user has that email; BAD_REQUEST when it is the owner's own.
   */
  async function add(caller: Caller, input: { flowId: string; email: string; role: FlowMemberRole }): Promise<FlowMemberSummary> {
    await requireFlowAccess(prisma, caller, input.flowId, "owner");
    const email = input.email.trim().toLowerCase();
    const user = await prisma.user.findFirst({ where: { email }, select: { id: true } });
    if (!user) {
      throw new AppError("NOT_FOUND", `no user with email "${email}"`, {
        userMessage: `No one on this server signs in as ${email}. Check the address, or ask an admin to invite them first.`,
        details: { field: "email" },
      });
    }
    if (user.id === caller.userId) throw new AppError("BAD_REQUEST", "the owner cannot be added as a member", { userMessage: "You own this flow already." });
    const row = await prisma.flowMember.upsert({
      where: { flowId_userId: { flowId: input.flowId, userId: user.id } },
      create: { flowId: input.flowId, userId: user.id, role: input.role },
      update: { role: input.role },
      select: memberFields,
    });
    return toSummary(row);
  }

  /** Changes a member's role. Owner only. @throws AppError NOT_FOUND when the user is not a member. */
  async function setRole(caller: Caller, input: { flowId: string; userId: string; role: FlowMemberRole }): Promise<FlowMemberSummary> {
    await requireFlowAccess(prisma, caller, input.flowId, "owner");
    const { count } = await prisma.flowMember.updateMany({ where: { flowId: input.flowId, userId: input.userId }, data: { role: input.role } });
    if (count === 0) throw memberNotFound(input.flowId, input.userId);
    return toSummary(await prisma.flowMember.findUniqueOrThrow({ where: { flowId_userId: { flowId: input.flowId, userId: input.userId } }, select: memberFields }));
  }

  /** Revokes a member's access. Owner only. @throws AppError NOT_FOUND when the user is not a member. */
  async function remove(caller: Caller, input: { flowId: string; userId: string }): Promise<{ userId: string }> {
    await requireFlowAccess(prisma, caller, input.flowId, "owner");
    const { count } = await prisma.flowMember.deleteMany({ where: { flowId: input.flowId, userId: input.userId } });
    if (count === 0) throw memberNotFound(input.flowId, input.userId);
    return { userId: input.userId };
  }

  return { list, add, setRole, remove };
}

export type FlowMemberService = ReturnType<typeof createFlowMemberService>;

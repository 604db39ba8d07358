// Who may reach a flow: its owner, and the users it is shared with (FlowMember). A viewer may open, run and
// duplicate it; an editor may also save it; only the owner may delete or share it. A flow the caller cannot
// reach reads as one that does not exist; a member asking for more than their role allows gets FORBIDDEN.
import { AppError } from "@/lib/errors";
import type { Caller } from "@/server/auth/caller";
import type { PrismaDb } from "@/server/db/client";

/** The caller's relation to a flow, from least to most. */
export type FlowAccess = "viewer" | "editor" | "owner";
export type FlowMemberRole = Exclude<FlowAccess, "owner">;
export const flowMemberRoles = ["viewer", "editor"] as const satisfies readonly FlowMemberRole[];

const rank: Record<FlowAccess, number> = { viewer: 0, editor: 1, owner: 2 };

/** Prisma `where` for the flows the caller can read: owned, or shared with them in any role. */
export const readableFlowsWhere = (caller: Pick<Caller, "userId">) => ({
  OR: [{ ownerId: caller.userId }, { members: { some: { userId: caller.userId } } }],
});

export const flowNotFound = (id: string) =>
  new AppError("NOT_FOUND", `flow "${id}" does not exist`, { userMessage: "This flow does not exist (it may have been deleted)." });

const needMessage: Record<FlowAccess, string> = {
  viewer: "You cannot open this flow.",
  editor: "You can view this flow but not save it: ask its owner to make you an editor, or duplicate it.",
  owner: "Only the flow's owner can do this.",
};

/** The access a row (with the caller's membership, if any) gives the caller. */
export function accessOf(caller: Pick<Caller, "userId">, row: { ownerId: string; members: { role: string }[] }): FlowAccess | null {
  if (row.ownerId === caller.userId) return "owner";
  const role = row.members[0]?.role;
  return role === "editor" || role === "viewer" ? role : null;
}

/** The caller's membership, as Prisma `include`/`select` for a flow's `members`. */
export const callerMembership = (caller: Pick<Caller, "userId">) => ({ where: { userId: caller.userId }, select: { role: true }, take: 1 });

/**
 * Checks that the caller has at least `needed` on flow `id`; returns their access.
 * @throws AppError NOT_FOUND when the flow does not exist or the caller has no access at all,
 *   FORBIDDEN when they are a member whose role is below `needed`.
 */
export async function requireFlowAccess(prisma: Pick<PrismaDb, "flow">, caller: Pick<Caller, "userId">, id: string, needed: FlowAccess): Promise<FlowAccess> {
  const row = await prisma.flow.findFirst({ where: { id, ...readableFlowsWhere(caller) }, select: { ownerId: true, members: callerMembership(caller) } });
  const access = row ? accessOf(caller, row) : null;
  if (!access) throw flowNotFound(id);
  if (rank[access] < rank[needed]) throw new AppError("FORBIDDEN", `caller is ${access} of flow "${id}", needs ${needed}`, { userMessage: needMessage[needed] });
  return access;
}

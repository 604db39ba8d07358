// What the admin does with accounts: list them, disable and re-enable one (Better Auth's admin plugin: a ban
// that deletes the user's sessions at once), and invite people by email link.
import { randomBytes } from "node:crypto";
import { isAPIError } from "better-auth/api";
import { AppError } from "@/lib/errors";
import type { Db } from "@/server/db/client";
import type { Auth } from "./auth.ts";
import { LOCAL_USER_ID, type Caller } from "./caller.ts";
import { hashInvitationToken } from "./sign-up-policy.ts";

/** How long an invitation link stays valid. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export type UserSummary = { id: string; email: string; name: string; role: "admin" | "user"; disabled: boolean; createdAt: Date };
export type InvitationSummary = { id: string; email: string; createdAt: Date; expiresAt: Date; acceptedAt: Date | null; status: "pending" | "accepted" | "expired" };

const DISABLED_REASON = "Disabled by the admin";

function toUserSummary(user: { id: string; email: string; name: string; role: string | null; banned: boolean | null; createdAt: Date }): UserSummary {
  return { id: user.id, email: user.email, name: user.name, role: user.role === "admin" ? "admin" : "user", disabled: user.banned === true, createdAt: user.createdAt };
}

function toInvitationSummary(row: { id: string; email: string; createdAt: Date; expiresAt: Date; acceptedAt: Date | null }, now: Date): InvitationSummary {
  const status = row.acceptedAt ? "accepted" : row.expiresAt <= now ? "expired" : "pending";
  return { id: row.id, email: row.email, createdAt: row.createdAt, expiresAt: row.expiresAt, acceptedAt: row.acceptedAt, status };
}

/**
 * The admin's account operations. Every method expects an admin caller (the router's adminProcedure);
 * `headers` are the admin's request headers, which carry the session Better Auth's admin plugin checks.
 */
export function createUserAdmin(db: Db, auth: () => Auth) {
  const { prisma } = db;

  async function listUsers(): Promise<UserSummary[]> {
    const users = await prisma.user.findMany({ where: { id: { not: LOCAL_USER_ID } }, orderBy: { createdAt: "asc" } });
    return users.map(toUserSummary);
  }

  /**
   * Disables (bans) or re-enables a user. Disabling deletes their sessions, so they are signed out at once.
   * @throws AppError NOT_FOUND for an unknown id, BAD_REQUEST for the admin's own account.
   */
  async function setDisabled(caller: Caller, headers: Headers, userId: string, disabled: boolean): Promise<UserSummary> {
    const user = userId === LOCAL_USER_ID ? null : await prisma.user.findUnique({ where: { id: userId } });
    if (!user) throw new AppError("NOT_FOUND", `user ${userId} not found`, { userMessage: "That user does not exist." });
    if (userId === caller.userId) throw new AppError("BAD_REQUEST", "cannot disable yourself", { userMessage: "You cannot disable your own account." });
    try {
      if (caller.via === "session") {
        await (disabled ? auth().api.banUser({ body: { userId, banReason: DISABLED_REASON }, headers }) : auth().api.unbanUser({ body: { userId }, headers }));
      } else {
        // Local mode has no session for the plugin to check; do what its endpoints do.
        const context = await auth().$context;
        await context.internalAdapter.updateUser(userId, disabled ? { banned: true, banReason: DISABLED_REASON } : { banned: false, banReason: null, banExpires: null });
        if (disabled) await context.internalAdapter.deleteUserSessions(userId);
      }
    } catch (error) {
      if (isAPIError(error)) throw new AppError(error.statusCode === 401 ? "UNAUTHORIZED" : "FORBIDDEN", error.message, { cause: error });
      throw error;
    }
    return toUserSummary(await prisma.user.findUniqueOrThrow({ where: { id: userId } }));
  }

  /**
   * Creates an invitation for `email` and returns its sign-up link, built on `origin`. The token is shown
   * only here: the database keeps its hash.
   */
  async function createInvitation(caller: Caller, email: string, origin: string): Promise<{ invitation: InvitationSummary; link: string }> {
    const normalised = email.trim().toLowerCase();
    if (await prisma.user.findUnique({ where: { email: normalised }, select: { id: true } })) {
      throw new AppError("CONFLICT", "email already has an account", { userMessage: `${normalised} already has an account.` });
    }
    const token = randomBytes(32).toString("base64url");
    const now = new Date();
    const row = await prisma.invitation.create({
      data: { email: normalised, tokenHash: hashInvitationToken(token), createdById: caller.userId, expiresAt: new Date(now.getTime() + INVITATION_TTL_MS) },
    });
    const link = new URL("/sign-up", origin);
    link.searchParams.set("invite", token);
    link.searchParams.set("email", normalised);
    return { invitation: toInvitationSummary(row, now), link: link.toString() };
  }

  async function listInvitations(): Promise<InvitationSummary[]> {
    const now = new Date();
    const rows = await prisma.invitation.findMany({ orderBy: { createdAt: "desc" } });
    return rows.map((row) => toInvitationSummary(row, now));
  }

  /** Deletes an invitation, so its link stops working. @throws AppError NOT_FOUND for an unknown id. */
  async function revokeInvitation(id: string): Promise<void> {
    const { count } = await prisma.invitation.deleteMany({ where: { id } });
    if (count === 0) throw new AppError("NOT_FOUND", `invitation ${id} not found`, { userMessage: "That invitation does not exist." });
  }

  return { listUsers, setDisabled, createInvitation, listInvitations, revokeInvitation };
}

export type UserAdmin = ReturnType<typeof createUserAdmin>;

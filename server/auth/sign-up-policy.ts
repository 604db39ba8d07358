// Who may create an account. The first account always may (it becomes the admin and takes over what local
// mode made); after that OSMEN_SIGNUP decides: `open` lets anyone, `invite` needs an unused, unexpired
// invitation for that very email. Better Auth's hooks call these, so the rule holds for every client.
import { createHash } from "node:crypto";
import type { PrismaDb } from "@/server/db/client";
import { LOCAL_USER_ID } from "./caller.ts";

export type SignUpMode = "open" | "invite";

/** The same words whatever the reason, so a refusal never tells whether an email has an account. */
export const SIGN_UP_CLOSED_MESSAGE = "Sign-up needs a valid invitation for this email. Ask the admin for an invitation link.";

/** Invitation tokens are stored as their SHA-256 (hex); the token itself appears only in the link. */
export const hashInvitationToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** How many real accounts exist (the `local` placeholder is not one). */
export const countAccounts = (prisma: PrismaDb) => prisma.user.count({ where: { id: { not: LOCAL_USER_ID } } });

export type SignUpRequest = { email: string; invite?: string | null };

const openInvitation = (email: string, invite: string, now: Date) => ({
  tokenHash: hashInvitationToken(invite),
  email: email.trim().toLowerCase(),
  acceptedAt: null,
  expiresAt: { gt: now },
});

/** True when this sign-up may go ahead; reads only (the invitation is claimed when the user row is made). */
export async function isSignUpAllowed(prisma: PrismaDb, mode: SignUpMode, request: SignUpRequest): Promise<boolean> {
  if (mode === "open") return true;
  if ((await countAccounts(prisma)) === 0) return true;
  if (!request.invite) return false;
  return (await prisma.invitation.count({ where: openInvitation(request.email, request.invite, new Date()) })) === 1;
}

/**
 * Decides the new user's role and claims the invitation, just before the user row is written.
 * Returns null when the sign-up is not allowed (an invitation used up meanwhile counts as none).
 * The claim is one conditional update, so two sign-ups with the same link cannot both succeed.
 */
export async function admitNewUser(prisma: PrismaDb, mode: SignUpMode, request: SignUpRequest): Promise<{ role: "admin" | "user" } | null> {
  if ((await countAccounts(prisma)) === 0) return { role: "admin" };
  if (request.invite) {
    const claimed = await prisma.invitation.updateMany({ where: openInvitation(request.email, request.invite, new Date()), data: { acceptedAt: new Date() } });
    if (claimed.count === 1) return { role: "user" };
  }
  return mode === "open" ? { role: "user" } : null;
}

/**
 * Gives every row the `local` user owns to `userId`, in one transaction: what was made in local mode
 * belongs to the first account.
 */
export async function takeOverLocalRows(prisma: PrismaDb, userId: string): Promise<void> {
  const from = { userId: LOCAL_USER_ID };
  await prisma.$transaction([
    prisma.flow.updateMany({ where: { ownerId: LOCAL_USER_ID }, data: { ownerId: userId } }),
    prisma.run.updateMany({ where: from, data: { userId } }),
    prisma.apiKey.updateMany({ where: from, data: { userId } }),
    prisma.credential.updateMany({ where: from, data: { userId } }),
    prisma.flowMember.updateMany({ where: from, data: { userId } }),
  ]);
}

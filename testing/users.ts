// Two-user fixtures: a User row as Better Auth would make it, and the Caller that acts as that user.
import { randomBytes } from "node:crypto";
import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";

export type TestUser = { caller: Caller; id: string; name: string; email: string };

/**
 * Creates a user (unique email unless given) and returns it with a session Caller for it.
 * `caller.scope` is `full`; pass `scope: "run"` for a caller acting through a run-scoped API key.
 */
export async function createTestUser(
  { prisma }: Db,
  options: { name?: string; email?: string; role?: "admin" | "user"; scope?: Caller["scope"] } = {},
): Promise<TestUser> {
  const id = `user_${randomBytes(6).toString("hex")}`;
  const name = options.name ?? `Test ${id}`;
  const email = options.email ?? `${id}@example.test`;
  const role = options.role ?? "user";
  await prisma.user.create({ data: { id, name, email, role, emailVerified: true } });
  const caller: Caller = { userId: id, role, via: options.scope === "run" ? "apiKey" : "session", scope: options.scope ?? "full" };
  return { caller, id, name, email };
}

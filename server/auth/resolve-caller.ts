// Turns a request's headers into its Caller. Local mode acts as the implicit owner; accounts mode reads
// the Better Auth session cookie (added with accounts).
import type { Db } from "@/server/db/client";
import { LOCAL_USER_ID, type Caller } from "./caller.ts";

/**
 * Local mode's caller: the admin once an account exists (the first account takes over the local rows),
 * else the `local` user the migration created.
 */
export async function localCaller({ prisma }: Db): Promise<Caller> {
  const admin = await prisma.user.findFirst({ where: { role: "admin", id: { not: LOCAL_USER_ID } }, orderBy: { createdAt: "asc" }, select: { id: true } });
  return { userId: admin?.id ?? LOCAL_USER_ID, role: "admin", via: "local", scope: "full" };
}

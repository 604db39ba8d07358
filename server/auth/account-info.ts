// "Who am I": what the header, the settings page and the admin page need to know about the caller.
import type { Db } from "@/server/db/client";
import type { AuthMode } from "./auth-mode.ts";
import { LOCAL_USER_ID, type Caller } from "./caller.ts";

export type AccountInfo = {
  mode: AuthMode;
  /** null when signed out (accounts mode only). */
  user: { id: string; email: string; name: string; role: "admin" | "user" } | null;
  via: Caller["via"] | null;
};

/** Describes `caller` in `mode`. The `local` placeholder has no email worth showing, so it reads as "Local owner". */
export async function describeCaller({ prisma }: Db, caller: Caller | null, mode: AuthMode): Promise<AccountInfo> {
  if (!caller) return { mode, user: null, via: null };
  const row = await prisma.user.findUnique({ where: { id: caller.userId }, select: { id: true, email: true, name: true } });
  const email = !row || row.id === LOCAL_USER_ID ? "" : row.email;
  return { mode, user: { id: caller.userId, email, name: row?.name ?? "Local owner", role: caller.role }, via: caller.via };
}

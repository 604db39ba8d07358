// Turns a request's headers into its Caller. Local mode acts as the implicit owner; accounts mode reads
// the Better Auth session cookie. (API keys are resolved by the API key service.)
import type { Db } from "@/server/db/client";
import { peerAddressOf } from "@/server/http/peer-address";
import { isLoopbackHost, type AuthMode } from "./auth-mode.ts";
import type { Auth } from "./auth.ts";
import { LOCAL_USER_ID, type Caller } from "./caller.ts";

/** The first admin account's id, in SQL on the driver: every local-mode request asks, and through Prisma it cost about 1 ms of CPU. */
const firstAdminSql = (provider: Db["provider"]) =>
  `SELECT "id" FROM "User" WHERE "role" = 'admin' AND "id" <> ${provider === "postgresql" ? "$1" : "?"} ORDER BY "createdAt" ASC, "id" ASC LIMIT 1`;

/**
 * Local mode's caller: the admin once an account exists (the first account takes over the local rows),
 * else the `local` user the migration created.
 */
export async function localCaller({ statements, provider }: Pick<Db, "statements" | "provider">): Promise<Caller> {
  const [admin] = await statements.query(firstAdminSql(provider), [LOCAL_USER_ID]);
  return { userId: (admin?.id as string | undefined) ?? LOCAL_USER_ID, role: "admin", via: "local", scope: "full" };
}

/**
 * The signed-in user of a session cookie, or null: no cookie, an expired or revoked session, or a disabled
 * user (disabling deletes their sessions too; the check here also covers a ban set straight in the database).
 */
export async function sessionCaller(auth: Auth, headers: Headers): Promise<Caller | null> {
  const session = await auth.api.getSession({ headers });
  if (!session || session.user.banned || session.user.id === LOCAL_USER_ID) return null;
  return { userId: session.user.id, role: session.user.role === "admin" ? "admin" : "user", via: "session", scope: "full" };
}

export type ResolveCallerInput = { mode: AuthMode; db: Db; auth: () => Auth; headers: Headers };

/**
 * True unless the request's socket is known to come from another machine. Local mode's owner is whoever
 * reaches the server, so it must be this machine: the npm scripts bind loopback, and this also holds for a
 * server started some other way on every interface. (Unstamped requests, in tests, are judged by the bind.)
 */
function isFromThisMachine(headers: Headers): boolean {
  const peer = peerAddressOf(headers);
  return peer === undefined || isLoopbackHost(peer);
}

/** Who is asking, for the tRPC context and the HTTP routes alike; null means signed out. */
export async function resolveCaller({ mode, db, auth, headers }: ResolveCallerInput): Promise<Caller | null> {
  if (mode === "local") return isFromThisMachine(headers) ? localCaller(db) : null;
  return sessionCaller(auth(), headers);
}

// The server's own auth mode and Better Auth instance, built once per process from the environment.
import { loadServerEnv } from "@/server/env.mjs";
import { getDb } from "@/server/db";
import type { Caller } from "./caller.ts";
import { resolveAuthMode, type AuthMode } from "./auth-mode.ts";
import { loadAuthSecret } from "./auth-secret.ts";
import { createAuth, type Auth } from "./auth.ts";
import { resolveCaller } from "./resolve-caller.ts";
import type { AuthHandler } from "./auth-rate-limit.ts";
import { guardAuthHandler } from "./auth-handler.ts";
import { usesSecureCookies } from "./secure-cookies.ts";

const holder = globalThis as typeof globalThis & { osmenAuth?: Auth; osmenAuthHandler?: AuthHandler };

/** `local` or `accounts`; see resolveAuthMode. @throws AuthModeError for local mode on a non-loopback HOST. */
export const getAuthMode = (): AuthMode => resolveAuthMode(loadServerEnv());

/** The public origins from OSMEN_ORIGIN, first one first (parsed and normalised by the environment schema). */
export const getPublicOrigins = (): string[] => loadServerEnv().OSMEN_ORIGIN ?? [];

export function getAuth(): Auth {
  if (holder.osmenAuth) return holder.osmenAuth;
  const env = loadServerEnv();
  const origins = getPublicOrigins();
  const baseURL = env.BETTER_AUTH_URL ?? origins[0];
  const trustProxy = env.OSMEN_TRUST_PROXY === "1";
  holder.osmenAuth = createAuth({
    db: getDb(),
    secret: loadAuthSecret({ envSecret: env.BETTER_AUTH_SECRET, dataDir: env.OSMEN_DATA_DIR }).secret,
    baseURL,
    trustedOrigins: origins,
    signUp: env.OSMEN_SIGNUP,
    secureCookies: usesSecureCookies(env),
    trustProxy,
  });
  return holder.osmenAuth;
}

/** Better Auth's handler behind the body cap and the rate limits: what /api/auth/* serves. */
export function getAuthHandler(): AuthHandler {
  holder.osmenAuthHandler ??= guardAuthHandler((request) => getAuth().handler(request), { trustProxy: loadServerEnv().OSMEN_TRUST_PROXY === "1" });
  return holder.osmenAuthHandler;
}

/** The caller of a request to this server (session or local mode); null when signed out. */
export const resolveRequestCaller = (headers: Headers): Promise<Caller | null> =>
  resolveCaller({ mode: getAuthMode(), db: getDb(), auth: getAuth, headers });

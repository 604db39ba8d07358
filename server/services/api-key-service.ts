// API keys for the HTTP API: random, shown once, stored only as a SHA-256 hash, listed by name and prefix.
// A key acts as the user who made it, within its scope: `run` (run flows and read their runs) or `full`.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { ApiKeyScope, Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";

export type ApiKeySummary = { id: string; name: string; scope: ApiKeyScope; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

export const apiKeyScopes = ["run", "full"] as const satisfies readonly ApiKeyScope[];

const KEY_PREFIX = "osm_";
const PREFIX_LENGTH = KEY_PREFIX.length + 8;
const summaryFields = { id: true, name: true, scope: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;
const asSummary = <Row extends { scope: string }>(row: Row) => ({ ...row, scope: row.scope === "run" ? "run" : "full" }) as Row & { scope: ApiKeyScope };

export const hashApiKey = (key: string) => createHash("sha256").update(key).digest("hex");

const unauthorized = (message: string) =>
  new AppError("UNAUTHORIZED", message, { userMessage: `${message}. Send "Authorization: Bearer <API key>"; keys are created in Settings.` });

/** Better Auth's admin plugin: `banned` with an optional end; a ban whose end has passed no longer holds. */
const isBanned = (user: { banned: boolean | null; banExpires: Date | null }, now: Date) =>
  user.banned === true && (user.banExpires === null || user.banExpires > now);

export function createApiKeyService({ prisma }: Db) {
  /** A new key acting as the caller with `scope` (default `full`); the only time the key itself is returned. */
  async function create(caller: Caller, input: { name: string; scope?: ApiKeyScope }): Promise<ApiKeySummary & { key: string }> {
    const key = KEY_PREFIX + randomBytes(32).toString("base64url");
    const row = await prisma.apiKey.create({
      data: { userId: caller.userId, scope: input.scope ?? "full", name: input.name, prefix: key.slice(0, PREFIX_LENGTH), keyHash: hashApiKey(key) },
      select: summaryFields,
    });
    return { ...asSummary(row), key };
  }

  /** The caller's own keys, newest first. */
  const list = async (caller: Caller): Promise<ApiKeySummary[]> =>
    (await prisma.apiKey.findMany({ where: { userId: caller.userId }, orderBy: { createdAt: "desc" }, select: summaryFields })).map(asSummary);

  /** Revokes one of the caller's keys; the next request with it gets 401. Revoking twice keeps the first time. */
  async function revoke(caller: Caller, id: string): Promise<ApiKeySummary> {
    await prisma.apiKey.updateMany({ where: { id, userId: caller.userId, revokedAt: null }, data: { revokedAt: new Date() } });
    const row = await prisma.apiKey.findFirst({ where: { id, userId: caller.userId }, select: summaryFields });
    if (!row) throw new AppError("NOT_FOUND", `API key "${id}" does not exist`);
    return asSummary(row);
  }

  /**
   * The caller an `Authorization: Bearer <key>` header proves: the key's user, with the key's scope.
   * The key and its user are read on every call (no cache), so a revoked key or a banned user's key
   * is refused on the very next request.
   * @throws AppError UNAUTHORIZED for a missing, unknown or revoked key, or a key whose user is banned.
   */
  async function authenticate(authorization: string | null): Promise<{ caller: Caller; apiKey: ApiKeySummary }> {
    const match = authorization?.match(/^Bearer\s+(\S+)$/i);
    if (!match) throw unauthorized("Missing API key");
    const hash = hashApiKey(match[1]!);
    const row = await prisma.apiKey.findUnique({
      where: { keyHash: hash },
      select: { ...summaryFields, keyHash: true, user: { select: { id: true, role: true, banned: true, banExpires: true } } },
    });
    // The lookup is by hash already; the constant-time compare keeps timing from telling near-misses apart.
    if (!row || !timingSafeEqual(Buffer.from(row.keyHash), Buffer.from(hash))) throw unauthorized("Invalid API key");
    if (row.revokedAt) throw unauthorized("This API key has been revoked");
    const now = new Date();
    if (isBanned(row.user, now)) throw unauthorized("This API key's user has been disabled");
    await prisma.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now } });
    const { keyHash: _keyHash, user, ...summary } = row;
    const apiKey = asSummary({ ...summary, lastUsedAt: now });
    return { apiKey, caller: { userId: user.id, role: user.role === "admin" ? "admin" : "user", via: "apiKey", scope: apiKey.scope } };
  }

  return { create, list, revoke, authenticate };
}

export type ApiKeyService = ReturnType<typeof createApiKeyService>;

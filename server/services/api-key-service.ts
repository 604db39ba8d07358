// API keys for the HTTP API: random, shown once, stored only as a SHA-256 hash, listed by name and prefix.
// A key acts as the user who made it, within its scope: `run` (run flows and read their runs) or `full`.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { ApiKeyScope, Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import { driverDate, sqlTimestamp } from "@/server/db/driver-statements";

export type ApiKeySummary = { id: string; name: string; scope: ApiKeyScope; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

export const apiKeyScopes = ["run", "full"] as const satisfies readonly ApiKeyScope[];

const KEY_PREFIX = "osm_";
const PREFIX_LENGTH = KEY_PREFIX.length + 8;
const summaryFields = { id: true, name: true, scope: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;
const asSummary = <Row extends { scope: string }>(row: Row) => ({ ...row, scope: row.scope === "run" ? "run" : "full" }) as Row & { scope: ApiKeyScope };

export const hashApiKey = (key: string) => createHash("sha256").update(key).digest("hex");

const unauthorized = (message: string) =>
  new AppError("UNAUTHORIZED", message, { userMessage: `${message}. Send "Authorization: Bearer <API key>"; keys are created in Settings.` });

/** How stale a key's `lastUsedAt` may be: it is a "last used" hint for people, not an audit log. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** A key and its user as one raw row reads them (times as Dates, or text where a driver gives text). */
type KeyRow = {
  id: string;
  name: string;
  scope: string;
  prefix: string;
  keyHash: string;
  createdAt: unknown;
  lastUsedAt: unknown;
  revokedAt: unknown;
  userId: string;
  userRole: string | null;
  userBanned: boolean | number | null;
  userBanExpires: unknown;
};

const keyByHashSql = (provider: Db["provider"]) => {
  const time = (column: string, name: string) => `${sqlTimestamp(provider, column)} AS "${name}"`;
  return `SELECT k."id", k."name", k."scope", k."prefix", k."keyHash", ${time('k."createdAt"', "createdAt")}, ${time('k."lastUsedAt"', "lastUsedAt")},
     ${time('k."revokedAt"', "revokedAt")}, u."id" AS "userId", u."role" AS "userRole", u."banned" AS "userBanned",
     ${time('u."banExpires"', "userBanExpires")}
   FROM "ApiKey" k JOIN "User" u ON u."id" = k."userId" WHERE k."keyHash" = ${provider === "postgresql" ? "$1" : "?"}`;
};

/** Better Auth's admin plugin: `banned` with an optional end; a ban whose end has passed no longer holds. */
const isBanned = (user: { banned: boolean | null; banExpires: Date | null }, now: Date) =>
  user.banned === true && (user.banExpires === null || user.banExpires > now);

export function createApiKeyService({ prisma, provider, statements }: Db) {
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
   * is refused on the very next request. They are read in one SQL statement on the driver (through Prisma the
   * read and its relation cost about 4 ms of CPU, which every API request paid). `lastUsedAt` is written only when
   * the stored time is LAST_USED_RESOLUTION_MS old or more, so a busy key costs one write a minute, not one per request.
   * @throws AppError UNAUTHORIZED for a missing, unknown or revoked key, or a key whose user is banned.
   */
  async function authenticate(authorization: string | null): Promise<{ caller: Caller; apiKey: ApiKeySummary }> {
    const match = authorization?.match(/^Bearer\s+(\S+)$/i);
    if (!match) throw unauthorized("Missing API key");
    const hash = hashApiKey(match[1]!);
    const [row] = (await statements.query(keyByHashSql(provider), [hash])) as KeyRow[];
    // The lookup is by hash already; the constant-time compare keeps timing from telling near-misses apart.
    if (!row || !timingSafeEqual(Buffer.from(row.keyHash), Buffer.from(hash))) throw unauthorized("Invalid API key");
    if (row.revokedAt) throw unauthorized("This API key has been revoked");
    const now = new Date();
    const user = { banned: row.userBanned === null ? null : Boolean(row.userBanned), banExpires: driverDate(row.userBanExpires) };
    if (isBanned(user, now)) throw unauthorized("This API key's user has been disabled");
    const lastUsedAt = driverDate(row.lastUsedAt);
    const isStale = lastUsedAt === null || now.getTime() - lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS;
    if (isStale) await prisma.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now } });
    const apiKey = asSummary({
      id: row.id,
      name: row.name,
      scope: row.scope,
      prefix: row.prefix,
      createdAt: driverDate(row.createdAt)!,
      lastUsedAt: isStale ? now : lastUsedAt,
      revokedAt: null,
    });
    return { apiKey, caller: { userId: row.userId, role: row.userRole === "admin" ? "admin" : "user", via: "apiKey", scope: apiKey.scope } };
  }

  return { create, list, revoke, authenticate };
}

export type ApiKeyService = ReturnType<typeof createApiKeyService>;

// API keys for the HTTP API: random, shown once, stored only as a SHA-256 hash, listed by name and prefix.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { Db } from "@/server/db/client";

export type ApiKeySummary = { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

const KEY_PREFIX = "osm_";
const PREFIX_LENGTH = KEY_PREFIX.length + 8;
const summaryFields = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

export const hashApiKey = (key: string) => createHash("sha256").update(key).digest("hex");

const unauthorized = (message: string) =>
  new AppError("UNAUTHORIZED", message, { userMessage: `${message}. Send "Authorization: Bearer <API key>"; keys are created in Settings.` });

export function createApiKeyService({ prisma }: Db) {
  async function create(name: string): Promise<ApiKeySummary & { key: string }> {
    const key = KEY_PREFIX + randomBytes(32).toString("base64url");
    const row = await prisma.apiKey.create({ data: { name, prefix: key.slice(0, PREFIX_LENGTH), keyHash: hashApiKey(key) }, select: summaryFields });
    return { ...row, key };
  }

  const list = (): Promise<ApiKeySummary[]> => prisma.apiKey.findMany({ orderBy: { createdAt: "desc" }, select: summaryFields });

  async function revoke(id: string): Promise<ApiKeySummary> {
    await prisma.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    const row = await prisma.apiKey.findUnique({ where: { id }, select: summaryFields });
    if (!row) throw new AppError("NOT_FOUND", `API key "${id}" does not exist`);
    return row;
  }

  /** The key's record if `authorization` carries a live key; UNAUTHORIZED otherwise. */
  async function authenticate(authorization: string | null): Promise<ApiKeySummary> {
    const match = authorization?.match(/^Bearer\s+(\S+)$/i);
    if (!match) throw unauthorized("Missing API key");
    const hash = hashApiKey(match[1]!);
    const row = await prisma.apiKey.findUnique({ where: { keyHash: hash }, select: { ...summaryFields, keyHash: true } });
    // The lookup is by hash already; the constant-time compare keeps timing from telling near-misses apart.
    if (!row || !timingSafeEqual(Buffer.from(row.keyHash), Buffer.from(hash))) throw unauthorized("Invalid API key");
    if (row.revokedAt) throw unauthorized("This API key has been revoked");
    await prisma.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
    const { keyHash: _keyHash, ...summary } = row;
    return summary;
  }

  return { create, list, revoke, authenticate };
}

export type ApiKeyService = ReturnType<typeof createApiKeyService>;

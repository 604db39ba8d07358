import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases } from "@/testing/databases";
import { createTestUser } from "@/testing/users";
import { createApiKeyService, LAST_USED_RESOLUTION_MS, type ApiKeyService } from "./api-key-service";

describe.each(testDatabases())("API key authentication on $provider", ({ create }) => {
  let database: Awaited<ReturnType<typeof create>>;
  let keys: ApiKeyService;

  beforeAll(async () => {
    database = await create();
    keys = createApiKeyService(database);
  });
  afterAll(async () => database?.drop());

  const storedLastUse = async (id: string) => (await database.prisma.apiKey.findUnique({ where: { id } }))?.lastUsedAt ?? null;

  it("proves the key's user with the key's scope and role", async () => {
    const user = await createTestUser(database, { role: "admin" });
    const key = await keys.create(user.caller, { name: "runner", scope: "run" });
    const { caller, apiKey } = await keys.authenticate(`Bearer ${key.key}`);
    expect(caller).toEqual({ userId: user.id, role: "admin", via: "apiKey", scope: "run" });
    expect(apiKey).toMatchObject({ id: key.id, name: "runner", scope: "run", prefix: key.prefix, createdAt: key.createdAt, revokedAt: null });
  });

  it("records the first use, then at most one write per resolution interval", async () => {
    const user = await createTestUser(database);
    const key = await keys.create(user.caller, { name: "busy" });
    const first = await keys.authenticate(`Bearer ${key.key}`);
    const recorded = await storedLastUse(key.id);
    expect(recorded).toEqual(first.apiKey.lastUsedAt);

    const again = await keys.authenticate(`Bearer ${key.key}`);
    expect(await storedLastUse(key.id)).toEqual(recorded);
    expect(again.apiKey.lastUsedAt).toEqual(recorded);

    const longAgo = new Date(Date.now() - LAST_USED_RESOLUTION_MS - 1000);
    await database.prisma.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: longAgo } });
    const later = await keys.authenticate(`Bearer ${key.key}`);
    expect(later.apiKey.lastUsedAt!.getTime()).toBeGreaterThan(longAgo.getTime());
    expect(await storedLastUse(key.id)).toEqual(later.apiKey.lastUsedAt);
  });

  it("refuses a missing, unknown or revoked key, and the key of a banned user until the ban ends", async () => {
    const user = await createTestUser(database);
    const key = await keys.create(user.caller, { name: "doomed" });
    await expect(keys.authenticate(null)).rejects.toMatchObject({ code: "UNAUTHORIZED", message: "Missing API key" });
    await expect(keys.authenticate("Bearer osm_nothing")).rejects.toMatchObject({ code: "UNAUTHORIZED", message: "Invalid API key" });

    await database.prisma.user.update({ where: { id: user.id }, data: { banned: true } });
    await expect(keys.authenticate(`Bearer ${key.key}`)).rejects.toMatchObject({ code: "UNAUTHORIZED", message: "This API key's user has been disabled" });
    await database.prisma.user.update({ where: { id: user.id }, data: { banExpires: new Date(Date.now() - 1000) } });
    await expect(keys.authenticate(`Bearer ${key.key}`)).resolves.toMatchObject({ caller: { userId: user.id } });

    await keys.revoke(user.caller, key.id);
    await expect(keys.authenticate(`Bearer ${key.key}`)).rejects.toMatchObject({ code: "UNAUTHORIZED", message: "This API key has been revoked" });
  });
});

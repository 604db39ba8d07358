import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases } from "@/testing/databases";
import { LOCAL_USER_ID } from "@/server/auth/caller";
import { chatGraph } from "@/testing/flow-graphs";
import { localTestCaller as me } from "@/testing/trpc-caller";
import { createFlowService } from "@/server/services/flow-service";
import { readStoredFlow } from "@/server/services/flow-stored-read";
import { createApiKeyService } from "@/server/services/api-key-service";

// The hot writes go to the driver on Prisma's own connection: before Prisma's first query, after a disconnect
// closed it, and inside the state Prisma sees.
describe.each(testDatabases())("driver statements on $provider", ({ provider, create }) => {
  let database: Awaited<ReturnType<typeof create>>;
  const mark = (index: number) => (provider === "sqlite" ? "?" : `$${index}`);
  const rename = (name: string, id: string) => database.statements.execute(`UPDATE "User" SET "name" = ${mark(1)} WHERE "id" = ${mark(2)}`, [name, id]);
  const nameOf = async (id: string) => (await database.prisma.user.findUnique({ where: { id } }))?.name;

  beforeAll(async () => {
    database = await create();
    await database.prisma.$disconnect();
  });
  afterAll(async () => database?.drop());

  it("opens Prisma's connection when Prisma holds none open, and answers the rows it changed", async () => {
    expect(await rename("Written by the driver", LOCAL_USER_ID)).toBe(1);
    expect(await nameOf(LOCAL_USER_ID)).toBe("Written by the driver");
    expect(await rename("nobody", "no-such-user")).toBe(0);
  });

  it("reopens it after a disconnect closed it", async () => {
    await database.prisma.$disconnect();
    expect(await rename("After a disconnect", LOCAL_USER_ID)).toBe(1);
    expect(await nameOf(LOCAL_USER_ID)).toBe("After a disconnect");
  });

  it("reads times as the instants Prisma stored and JSON as Prisma reads it, whatever the process's time zone", async () => {
    const flows = createFlowService(database);
    const { id } = await flows.create(me, { name: "Zoned", graph: chatGraph() });
    const apiKeys = createApiKeyService(database);
    const { id: keyId, key } = await apiKeys.create(me, { name: "Zoned" });
    const zone = process.env.TZ;
    process.env.TZ = "Pacific/Auckland"; // pg reads a zoneless timestamp in the local zone: 12–13 hours off here
    try {
      const stored = await database.prisma.flow.findUnique({ where: { id } });
      const read = await readStoredFlow(database, me, id);
      expect(read).toMatchObject({ createdAt: stored!.createdAt, updatedAt: stored!.updatedAt, version: stored!.version, graph: stored!.graph });
      const storedKey = await database.prisma.apiKey.findUnique({ where: { id: keyId } });
      const { apiKey } = await apiKeys.authenticate(`Bearer ${key}`);
      expect(apiKey.createdAt).toEqual(storedKey!.createdAt);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("commits a transaction's steps together, and rolls all of them back when a must-change step changes nothing or one fails", async () => {
    const step = (name: string, id: string, mustChange = false) => ({ sql: `UPDATE "User" SET "name" = ${mark(1)} WHERE "id" = ${mark(2)}`, values: [name, id], mustChange });
    expect(await database.statements.transaction([step("Committed", LOCAL_USER_ID)])).toBe(true);
    expect(await nameOf(LOCAL_USER_ID)).toBe("Committed");

    expect(await database.statements.transaction([step("Rolled back", LOCAL_USER_ID), step("nobody", "no-such-user", true)])).toBe(false);
    expect(await nameOf(LOCAL_USER_ID)).toBe("Committed");

    const failing = database.statements.transaction([step("Rolled back", LOCAL_USER_ID), { sql: `UPDATE "NoSuchTable" SET "x" = 1`, values: [] }]);
    await expect(failing).rejects.toThrow(/NoSuchTable/);
    expect(await nameOf(LOCAL_USER_ID)).toBe("Committed");
    // The connection is usable afterwards, outside any transaction.
    expect(await rename("After the failure", LOCAL_USER_ID)).toBe(1);
    expect(await nameOf(LOCAL_USER_ID)).toBe("After the failure");
  });

  it("passes the database's error on as it is", async () => {
    await expect(database.statements.execute(`UPDATE "NoSuchTable" SET "x" = 1`, [])).rejects.toThrow(/NoSuchTable/);
  });
});

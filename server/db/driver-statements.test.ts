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

  it("never joins a transaction Prisma holds open: a save made meanwhile stays saved when that transaction rolls back", async () => {
    const flows = createFlowService(database);
    const { id, version } = await flows.create(me, { name: "Before", graph: chatGraph() });
    let save: Promise<unknown> | undefined;
    const rolledBack = database.prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { id: LOCAL_USER_ID }, data: { name: "Inside a transaction" } });
      save = flows.update(me, { id, version, graph: chatGraph(), name: "Saved meanwhile" });
      await new Promise((resolve) => setTimeout(resolve, 50)); // the save is under way while the transaction is open
      throw new Error("rolled back");
    });
    await expect(rolledBack).rejects.toThrow("rolled back");
    await expect(save).resolves.toMatchObject({ version: version + 1 });
    expect(await database.prisma.flow.findUnique({ where: { id } })).toMatchObject({ name: "Saved meanwhile", version: version + 1 });
    expect(await nameOf(LOCAL_USER_ID)).not.toBe("Inside a transaction");
  });

  it("answers a statement sent while Prisma disconnects, with the result or an error that says why, never leaving it pending", async () => {
    await database.prisma.user.count();
    const disconnecting = database.prisma.$disconnect();
    const sent = database.statements.query(`SELECT 1 AS "one"`, []).then(
      (rows) => rows.map((row) => Number(row.one)),
      (error: Error) => error.message,
    );
    await disconnecting;
    const outcome = await sent;
    // SQLite: the connection closed under it. PostgreSQL: the ending pool never serves it, so pg's connection timeout does.
    if (typeof outcome === "string") expect(outcome).toMatch(/closing|not open|timeout exceeded when trying to connect/);
    else expect(outcome).toEqual([1]);
    expect(await database.statements.query(`SELECT 1 AS "one"`, [])).toHaveLength(1);
  });

  it("passes the database's error on as it is", async () => {
    await expect(database.statements.execute(`UPDATE "NoSuchTable" SET "x" = 1`, [])).rejects.toThrow(/NoSuchTable/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases } from "@/testing/databases";
import { LOCAL_USER_ID } from "@/server/auth/caller";

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

  it("passes the database's error on as it is", async () => {
    await expect(database.statements.execute(`UPDATE "NoSuchTable" SET "x" = 1`, [])).rejects.toThrow(/NoSuchTable/);
  });
});

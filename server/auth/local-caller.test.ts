import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases } from "@/testing/databases";
import { createTestUser } from "@/testing/users";
import { LOCAL_USER_ID } from "./caller";
import { localCaller } from "./resolve-caller";

describe.each(testDatabases())("local mode's caller on $provider", ({ create }) => {
  let database: Awaited<ReturnType<typeof create>>;

  beforeAll(async () => (database = await create()));
  afterAll(async () => database?.drop());

  it("is the local user until an admin account exists, then the first admin account", async () => {
    expect(await localCaller(database)).toEqual({ userId: LOCAL_USER_ID, role: "admin", via: "local", scope: "full" });
    await createTestUser(database, { role: "user" });
    expect((await localCaller(database)).userId).toBe(LOCAL_USER_ID);
    const first = await createTestUser(database, { role: "admin" });
    await database.prisma.user.update({ where: { id: first.id }, data: { createdAt: new Date(Date.now() - 60_000) } });
    await createTestUser(database, { role: "admin" });
    expect(await localCaller(database)).toEqual({ userId: first.id, role: "admin", via: "local", scope: "full" });
  });
});

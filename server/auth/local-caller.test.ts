// Local mode's caller: the `local` user until an account exists, then the first admin account (which has taken
// over the local rows), on both databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases } from "@/testing/databases";
import { LOCAL_USER_ID } from "./caller.ts";
import { localCaller } from "./resolve-caller.ts";

describe.each(testDatabases())("localCaller on $provider", ({ create }) => {
  let database: Awaited<ReturnType<typeof create>>;
  beforeAll(async () => (database = await create()));
  afterAll(async () => database?.drop());

  const addUser = (id: string, role: string, createdAt: string) =>
    database.prisma.user.create({ data: { id, name: id, email: `${id}@example.com`, role, createdAt: new Date(createdAt) } });

  it("is the local user while no other admin exists", async () => {
    await addUser("plain-user", "user", "2026-01-01T00:00:00Z");
    expect(await localCaller(database)).toEqual({ userId: LOCAL_USER_ID, role: "admin", via: "local", scope: "full" });
  });

  it("is the earliest admin account once there is one", async () => {
    await addUser("later-admin", "admin", "2026-03-01T00:00:00Z");
    await addUser("first-admin", "admin", "2026-02-01T00:00:00Z");
    expect(await localCaller(database)).toEqual({ userId: "first-admin", role: "admin", via: "local", scope: "full" });
  });
});

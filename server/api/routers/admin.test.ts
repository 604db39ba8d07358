// The admin and account routers over a real database: who may call them, and an invitation link that works.
import { afterEach, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { createApp } from "@/server/app";
import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import { testDatabases } from "@/testing/databases";
import { TEST_ORIGIN, createAuthHarness } from "@/testing/auth-harness";
import { localTestCaller } from "@/testing/trpc-caller";

describe.each(testDatabases())("admin router on $provider", (database) => {
  let drop: (() => Promise<void>) | undefined;
  afterEach(async () => drop?.());

  async function setUp() {
    const db = await database.create();
    drop = db.drop;
    const harness = createAuthHarness(db, "invite");
    await harness.signUp("admin@example.com");
    const admin = await db.prisma.user.findUniqueOrThrow({ where: { email: "admin@example.com" } });
    const adminCaller: Caller = { userId: admin.id, role: "admin", via: "session", scope: "full" };
    return { db, harness, adminCaller };
  }

  const callerFor = async (db: Db, caller: Caller | null) => createCaller(await createContext({ headers: new Headers({ origin: TEST_ORIGIN, host: new URL(TEST_ORIGIN).host }), caller, app: createApp({ db }) }));

  it("creates an invitation whose link lets that email sign up once", async () => {
    const { db, harness, adminCaller } = await setUp();
    const api = await callerFor(db, adminCaller);
    const { link, invitation } = await api.admin.createInvitation({ email: "Guest@Example.com" });
    expect(invitation).toMatchObject({ email: "guest@example.com", status: "pending" });
    const url = new URL(link);
    expect(url.origin + url.pathname).toBe(`${TEST_ORIGIN}/sign-up`);
    const token = url.searchParams.get("invite")!;
    expect(JSON.stringify(await db.prisma.invitation.findMany())).not.toContain(token);

    expect((await harness.signUp("guest@example.com", undefined, token)).status).toBe(200);
    expect((await api.admin.listInvitations())[0]).toMatchObject({ email: "guest@example.com", status: "accepted" });
    expect((await api.admin.listUsers()).map((user) => [user.email, user.role])).toEqual([
      ["admin@example.com", "admin"],
      ["guest@example.com", "user"],
    ]);
  });

  it("revokes an invitation so its link no longer works", async () => {
    const { db, harness, adminCaller } = await setUp();
    const api = await callerFor(db, adminCaller);
    const { link, invitation } = await api.admin.createInvitation({ email: "guest@example.com" });
    await api.admin.revokeInvitation({ id: invitation.id });
    expect((await harness.signUp("guest@example.com", undefined, new URL(link).searchParams.get("invite")!)).status).toBe(403);
    await expect(api.admin.revokeInvitation({ id: invitation.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses an invitation for an email that already has an account", async () => {
    const { db, adminCaller } = await setUp();
    await expect((await callerFor(db, adminCaller)).admin.createInvitation({ email: "admin@example.com" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("is closed to users who are not the admin, and to the signed out", async () => {
    const { db } = await setUp();
    const member = await callerFor(db, { userId: "someone", role: "user", via: "session", scope: "full" });
    await expect(member.admin.listUsers()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect((await callerFor(db, null)).admin.listUsers()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("tells who is asking, and says signed out as a null user", async () => {
    const { db, adminCaller } = await setUp();
    expect(await (await callerFor(db, adminCaller)).account.me()).toMatchObject({ user: { email: "admin@example.com", role: "admin" }, via: "session" });
    expect(await (await callerFor(db, null)).account.me()).toMatchObject({ user: null, via: null });
    expect((await (await callerFor(db, localTestCaller)).account.me()).mode).toBe("local");
  });
});

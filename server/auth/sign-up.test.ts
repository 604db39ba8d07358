// Sign-up policy through Better Auth's real handler: the first account is the admin and takes over local
// rows; after it, invite mode needs a valid invitation for that email, open mode lets anyone in.
import { afterEach, describe, expect, it } from "vitest";
import { testDatabases } from "@/testing/databases";
import { createAuthHarness } from "@/testing/auth-harness";
import { LOCAL_USER_ID } from "./caller.ts";
import { hashInvitationToken } from "./sign-up-policy.ts";

describe.each(testDatabases())("sign-up on $provider", (database) => {
  let drop: (() => Promise<void>) | undefined;
  afterEach(async () => drop?.());

  async function setUp(mode: "open" | "invite" = "invite") {
    const db = await database.create();
    drop = db.drop;
    return { db, harness: createAuthHarness(db, mode) };
  }

  it("makes the first account the admin and gives it every local row", async () => {
    const { db, harness } = await setUp();
    const flow = await db.prisma.flow.create({ data: { name: "Made locally", graph: "{}", ownerId: LOCAL_USER_ID } as never });
    const apiKey = await db.prisma.apiKey.create({ data: { userId: LOCAL_USER_ID, name: "script", prefix: "osk_1234", keyHash: "hash-of-a-key" } });
    const credential = await db.prisma.credential.create({ data: { userId: LOCAL_USER_ID, name: "OpenAI", kind: "openai", secret: "sealed", last4: "abcd" } });
    const response = await harness.signUp("first@example.com");
    expect(response.status).toBe(200);
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: "first@example.com" } });
    expect(user.role).toBe("admin");
    expect((await db.prisma.flow.findUniqueOrThrow({ where: { id: flow.id } })).ownerId).toBe(user.id);
    expect((await db.prisma.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).userId).toBe(user.id);
    expect((await db.prisma.credential.findUniqueOrThrow({ where: { id: credential.id } })).userId).toBe(user.id);
    expect(await db.prisma.flow.count({ where: { ownerId: LOCAL_USER_ID } })).toBe(0);
  });

  it("refuses a second sign-up without an invitation, the same way for a taken and a new email", async () => {
    const { harness } = await setUp();
    await harness.signUp("first@example.com");
    const unknown = await harness.signUp("stranger@example.com");
    const taken = await harness.signUp("first@example.com", "another password");
    expect(unknown.status).toBe(403);
    expect(taken.status).toBe(403);
    expect(await unknown.json()).toEqual(await taken.json());
  });

  it("lets an invited email sign up once with its token, as a user", async () => {
    const { db, harness } = await setUp();
    await harness.signUp("first@example.com");
    const admin = await db.prisma.user.findUniqueOrThrow({ where: { email: "first@example.com" } });
    const token = "invitation-token-for-testing";
    await db.prisma.invitation.create({ data: { email: "guest@example.com", tokenHash: hashInvitationToken(token), createdById: admin.id, expiresAt: new Date(Date.now() + 3_600_000) } });

    expect((await harness.signUp("other@example.com", undefined, token)).status).toBe(403);
    expect((await harness.signUp("guest@example.com", undefined, token)).status).toBe(200);
    const guest = await db.prisma.user.findUniqueOrThrow({ where: { email: "guest@example.com" } });
    expect(guest.role).toBe("user");
    expect((await db.prisma.invitation.findUniqueOrThrow({ where: { tokenHash: hashInvitationToken(token) } })).acceptedAt).not.toBeNull();
    expect((await harness.signUp("guest2@example.com", undefined, token)).status).toBe(403);
  });

  it("refuses an expired invitation", async () => {
    const { db, harness } = await setUp();
    await harness.signUp("first@example.com");
    const admin = await db.prisma.user.findUniqueOrThrow({ where: { email: "first@example.com" } });
    await db.prisma.invitation.create({ data: { email: "late@example.com", tokenHash: hashInvitationToken("late"), createdById: admin.id, expiresAt: new Date(Date.now() - 1000) } });
    expect((await harness.signUp("late@example.com", undefined, "late")).status).toBe(403);
  });

  it("lets anyone sign up in open mode, as a user", async () => {
    const { db, harness } = await setUp("open");
    await harness.signUp("first@example.com");
    expect((await harness.signUp("second@example.com")).status).toBe(200);
    expect((await db.prisma.user.findUniqueOrThrow({ where: { email: "second@example.com" } })).role).toBe("user");
  });

  it("answers an open sign-up for a taken email exactly like one for a new email, apart from what the request itself sent, the new id and times", async () => {
    const { harness } = await setUp("open");
    await harness.signUp("first@example.com");
    await harness.signUp("second@example.com");
    const shape = async (response: Response) => {
      const body = (await response.json()) as { user: Record<string, unknown> };
      const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, email: _email, name: _name, ...rest } = body.user;
      return { status: response.status, token: (body as { token?: unknown }).token, user: rest };
    };
    const fresh = await shape(await harness.signUp("third@example.com"));
    const taken = await shape(await harness.signUp("second@example.com", "another password"));
    expect(taken).toEqual(fresh);
    expect(fresh.user.role).toBe("user");
  });

  it("without OSMEN_ORIGIN, accepts posts from the server's own host and refuses other sites", async () => {
    const db = await database.create();
    drop = db.drop;
    const harness = createAuthHarness(db, "open", { baseURL: undefined, trustedOrigins: [] });
    const body = { email: "first@example.com", password: "correct horse battery", name: "first" };
    expect((await harness.post("sign-up/email", body, { origin: "http://evil.example" })).status).toBe(403);
    expect((await harness.post("sign-up/email", body)).status).toBe(200);
  });

  it("never signs in as the local placeholder", async () => {
    const { harness } = await setUp("open");
    const response = await harness.post("sign-in/email", { email: "local@osmen.invalid", password: "anything-at-all" });
    expect(response.status).toBe(401);
  });
});

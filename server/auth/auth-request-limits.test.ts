// What /api/auth refuses before an account is made, through Better Auth's real handler and the guards the
// server puts in front of it: an oversized body, and an overlong name.
import { afterEach, describe, expect, it } from "vitest";
import { testDatabases } from "@/testing/databases";
import { TEST_PASSWORD, createAuthHarness } from "@/testing/auth-harness";
import { AUTH_BODY_LIMIT_BYTES } from "./auth-handler.ts";
import { MAX_USER_NAME_LENGTH } from "./user-fields.ts";

// Each sign-up runs the real password hash (scrypt), which is slow on a busy machine.
const HASH_HEAVY = { timeout: 120_000 };

describe.each(testDatabases())("auth request limits on $provider", (database) => {
  let drop: (() => Promise<void>) | undefined;
  afterEach(async () => drop?.());

  async function setUp() {
    const db = await database.create();
    drop = db.drop;
    const harness = createAuthHarness(db, "open");
    return { db, harness };
  }

  const countUsers = (db: Awaited<ReturnType<typeof setUp>>["db"], email: string) => db.prisma.user.count({ where: { email } });

  it("answers 413 to a sign-up body over the cap and stores nothing", async () => {
    const { db, harness } = await setUp();
    const response = await harness.post("sign-up/email", { email: "big@example.com", password: TEST_PASSWORD, name: "x".repeat(5 * 1024 * 1024) });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: expect.stringContaining("0.1 MB") });
    expect(await countUsers(db, "big@example.com")).toBe(0);
    // Just under the cap is still parsed (and then refused for its name, not its size).
    const underCap = await harness.post("sign-up/email", { email: "big@example.com", password: TEST_PASSWORD, name: "x".repeat(AUTH_BODY_LIMIT_BYTES - 200) });
    expect(underCap.status).toBe(400);
  });

  it("refuses a name over the cap with a 400 that names the field and the fix, for a new and a taken email alike", HASH_HEAVY, async () => {
    const { db, harness } = await setUp();
    expect((await harness.post("sign-up/email", { email: "first@example.com", password: TEST_PASSWORD, name: "n".repeat(MAX_USER_NAME_LENGTH) })).status).toBe(200);

    const longName = "n".repeat(MAX_USER_NAME_LENGTH + 1);
    const fresh = await harness.post("sign-up/email", { email: "second@example.com", password: TEST_PASSWORD, name: longName });
    const taken = await harness.post("sign-up/email", { email: "first@example.com", password: TEST_PASSWORD, name: longName });
    expect(fresh.status).toBe(400);
    expect(taken.status).toBe(400);
    const body = await fresh.json();
    expect(body).toEqual(await taken.json());
    expect(body).toMatchObject({ code: "FIELD_TOO_LONG", message: `The name is ${MAX_USER_NAME_LENGTH + 1} characters long; at most ${MAX_USER_NAME_LENGTH} are allowed. Use a shorter name.` });
    expect(await countUsers(db, "second@example.com")).toBe(0);
  });

  it("refuses renaming a signed-in user to a name over the cap, and keeps the old name", HASH_HEAVY, async () => {
    const { db, harness } = await setUp();
    await harness.signUp("first@example.com");
    const cookie = await harness.signIn("first@example.com");
    const response = await harness.post("update-user", { name: "n".repeat(MAX_USER_NAME_LENGTH + 1) }, { cookie });
    expect(response.status).toBe(400);
    expect((await db.prisma.user.findUniqueOrThrow({ where: { email: "first@example.com" } })).name).toBe("first");
    expect((await harness.post("update-user", { name: "Ada" }, { cookie })).status).toBe(200);
  });
});

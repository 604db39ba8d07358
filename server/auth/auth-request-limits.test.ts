// What /api/auth refuses before an account is made, through Better Auth's real handler and the guards the
// server puts in front of it: an oversized body, an overlong name, and one address creating accounts without end.
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

  it("with open sign-up, lets one address create 10 accounts an hour, then answers 429 with Retry-After", HASH_HEAVY, async () => {
    const { db, harness } = await setUp();
    const signUpFrom = (email: string, ip: string, name = "someone") => harness.post("sign-up/email", { email, password: TEST_PASSWORD, name }, { ip });
    // A refused sign-up does not use up the address's allowance.
    expect((await signUpFrom("refused@example.com", "10.0.0.1", "n".repeat(MAX_USER_NAME_LENGTH + 1))).status).toBe(400);
    for (let index = 0; index < 10; index++) expect((await signUpFrom(`user${index}@example.com`, "10.0.0.1")).status).toBe(200);

    const refused = await signUpFrom("eleventh@example.com", "10.0.0.1");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(60);
    expect(await refused.json()).toMatchObject({ code: "TOO_MANY_REQUESTS" });
    expect(await countUsers(db, "eleventh@example.com")).toBe(0);
    // Another address is not affected.
    expect((await signUpFrom("eleventh@example.com", "10.0.0.2")).status).toBe(200);
  });
});

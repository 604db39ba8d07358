// Sessions through Better Auth's real handler: failed-attempt limits, disabling a user, changing a password.
import { afterEach, describe, expect, it } from "vitest";
import { testDatabases } from "@/testing/databases";
import { TEST_PASSWORD, cookieOf, createAuthHarness } from "@/testing/auth-harness";
import { parseServerEnv } from "@/server/env.mjs";
import { sessionCaller } from "./resolve-caller.ts";
import { usesSecureCookies } from "./secure-cookies.ts";
import { createUserAdmin } from "./user-admin.ts";

// Each sign-in attempt runs the real password hash (scrypt), which is slow on a busy machine.
const HASH_HEAVY = { timeout: 120_000 };

describe.each(testDatabases())("sessions on $provider", (database) => {
  let drop: (() => Promise<void>) | undefined;
  afterEach(async () => drop?.());

  async function setUp() {
    const db = await database.create();
    drop = db.drop;
    const harness = createAuthHarness(db, "open");
    await harness.signUp("admin@example.com");
    return { db, harness };
  }

  const headersWith = (cookie: string) => new Headers({ cookie });

  it("answers 429 with Retry-After after 10 failures, the same for a known and an unknown email", HASH_HEAVY, async () => {
    const { harness } = await setUp();
    const attempt = (email: string, ip: string) => harness.post("sign-in/email", { email, password: "wrong password" }, { ip });
    for (let index = 0; index < 10; index++) expect((await attempt("admin@example.com", "10.0.0.1")).status).toBe(401);
    for (let index = 0; index < 10; index++) expect((await attempt("nobody@example.com", "10.0.0.2")).status).toBe(401);

    const known = await attempt("admin@example.com", "10.0.0.1");
    const unknown = await attempt("nobody@example.com", "10.0.0.2");
    for (const response of [known, unknown]) {
      expect(response.status).toBe(429);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(await known.json()).toEqual(await unknown.json());
    // The account stays limited from another address too; the right password is refused until it cools down.
    expect((await harness.post("sign-in/email", { email: "admin@example.com", password: TEST_PASSWORD }, { ip: "10.0.0.3" })).status).toBe(429);
  });

  it("limits one address that tries many emails", HASH_HEAVY, async () => {
    const { harness } = await setUp();
    for (let index = 0; index < 10; index++) {
      expect((await harness.post("sign-in/email", { email: `guess${index}@example.com`, password: "wrong password" }, { ip: "10.0.0.9" })).status).toBe(401);
    }
    expect((await harness.post("sign-in/email", { email: "fresh@example.com", password: "wrong password" }, { ip: "10.0.0.9" })).status).toBe(429);
  });

  it("ends a disabled user's session at once and refuses their next sign-in", HASH_HEAVY, async () => {
    const { db, harness } = await setUp();
    await harness.signUp("member@example.com");
    const adminCookie = await harness.signIn("admin@example.com");
    const memberCookie = await harness.signIn("member@example.com");
    const member = await sessionCaller(harness.auth, headersWith(memberCookie));
    expect(member).toMatchObject({ role: "user", via: "session", scope: "full" });
    const admin = (await sessionCaller(harness.auth, headersWith(adminCookie)))!;
    expect(admin.role).toBe("admin");

    const users = createUserAdmin(db, () => harness.auth);
    const summary = await users.setDisabled(admin, headersWith(adminCookie), member!.userId, true);
    expect(summary.disabled).toBe(true);
    expect(await sessionCaller(harness.auth, headersWith(memberCookie))).toBeNull();
    expect((await harness.post("sign-in/email", { email: "member@example.com", password: TEST_PASSWORD })).status).toBe(403);

    await users.setDisabled(admin, headersWith(adminCookie), member!.userId, false);
    expect(await sessionCaller(harness.auth, headersWith(await harness.signIn("member@example.com")))).toMatchObject({ userId: member!.userId });
  });

  it("refuses to let the admin disable their own account", async () => {
    const { db, harness } = await setUp();
    const cookie = await harness.signIn("admin@example.com");
    const admin = (await sessionCaller(harness.auth, headersWith(cookie)))!;
    await expect(createUserAdmin(db, () => harness.auth).setDisabled(admin, headersWith(cookie), admin.userId, true)).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("changes the password: the old one stops working, the new one works", HASH_HEAVY, async () => {
    const { harness } = await setUp();
    const cookie = await harness.signIn("admin@example.com");
    const wrong = await harness.post("change-password", { currentPassword: "not my password", newPassword: "a brand new password" }, { cookie });
    expect(wrong.status).toBe(400);
    const changed = await harness.post("change-password", { currentPassword: TEST_PASSWORD, newPassword: "a brand new password", revokeOtherSessions: true }, { cookie });
    expect(changed.status).toBe(200);
    expect((await harness.post("sign-in/email", { email: "admin@example.com", password: TEST_PASSWORD })).status).toBe(401);
    expect((await harness.post("sign-in/email", { email: "admin@example.com", password: "a brand new password" })).status).toBe(200);
  });

  it("signs out: the cookie no longer names a caller", async () => {
    const { harness } = await setUp();
    const cookie = await harness.signIn("admin@example.com");
    expect(await sessionCaller(harness.auth, headersWith(cookie))).not.toBeNull();
    const response = await harness.post("sign-out", {}, { cookie });
    expect(response.status).toBe(200);
    expect(cookieOf(response)).toContain("session_token=");
    expect(await sessionCaller(harness.auth, headersWith(cookie))).toBeNull();
  });

  it("sets an HttpOnly, SameSite=Lax session cookie, Secure only when served over HTTPS", async () => {
    const { db, harness } = await setUp();
    const sessionCookie = (response: Response) => response.headers.getSetCookie().find((entry) => entry.includes("session_token="))!;
    const plain = sessionCookie(await harness.post("sign-in/email", { email: "admin@example.com", password: TEST_PASSWORD }));
    expect(plain).toMatch(/HttpOnly/i);
    expect(plain).toMatch(/SameSite=Lax/i);
    expect(plain).not.toMatch(/;\s*Secure/i);

    // As the server decides it behind a TLS proxy (OSMEN_TRUST_PROXY=1, app-auth.ts).
    const overHttps = createAuthHarness(db, "open", { secureCookies: usesSecureCookies(parseServerEnv({ OSMEN_TRUST_PROXY: "1" })) });
    const secure = sessionCookie(await overHttps.post("sign-in/email", { email: "admin@example.com", password: TEST_PASSWORD }));
    expect(secure).toMatch(/;\s*Secure/i);
    expect(secure).toMatch(/HttpOnly/i);
  });
});

// "Connect Google" is bound to the caller who started it: the state cookie names them, and a callback whose
// cookie was made for another user stores nothing. A local Google OAuth server answers the code exchange.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVault } from "@/lib/secrets";
import { LOCAL_USER_ID } from "@/server/auth/caller";
import { createRunService } from "@/server/runs/run-service";
import { createFlowService } from "@/server/services/flow-service";
import { useAppSingletons } from "@/testing/app-globals";
import { testDatabases } from "@/testing/databases";
import { startGoogleServer, type GoogleServer } from "@/testing/servers/google";
import { createTestUser } from "@/testing/users";
import { finishGoogleConnection, startGoogleConnection } from "./google-oauth";

const clientId = "osmen-oauth-test.apps.googleusercontent.com";
const clientSecret = "oauth-test-secret-123";
const origin = "http://localhost:3302";

describe("Google OAuth round trip", () => {
  let google: GoogleServer;
  let database: Awaited<ReturnType<ReturnType<typeof testDatabases>[number]["create"]>>;
  let restore: () => void;
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    google = await startGoogleServer({ clientId, clientSecret });
    Object.assign(process.env, { GOOGLE_CLIENT_ID: clientId, GOOGLE_CLIENT_SECRET: clientSecret, OSMEN_GOOGLE_TOKEN_URL: google.tokenUrl });
    database = await testDatabases()[0]!.create();
    const runs = createRunService({ db: database, flows: createFlowService(database) }, { maxConcurrentRuns: 1, runTimeoutMs: 1_000 });
    restore = useAppSingletons({ db: database, runs, vault: createVault(randomBytes(32)) }).restore;
  });
  afterAll(async () => {
    restore?.();
    process.env = savedEnv;
    await google?.close();
    await database?.drop();
  });

  async function start() {
    const response = await startGoogleConnection(new Request(`${origin}/api/oauth/google/start`));
    expect(response.status).toBe(303);
    const state = new URL(response.headers.get("location")!).searchParams.get("state")!;
    const cookie = response.headers.get("set-cookie")!.split(";")[0]!;
    return { state, cookie };
  }

  const callback = (state: string, cookie: string, code: string) =>
    finishGoogleConnection(new Request(`${origin}/api/oauth/google/callback?state=${state}&code=${code}`, { headers: { cookie } }));

  it("refuses a callback whose state cookie was made for another user, storing nothing", async () => {
    const other = await createTestUser(database);
    const { state, cookie } = await start();
    const [name, value] = cookie.split("=") as [string, string];
    const forged = `${name}=${value.split(".")[0]}.${Buffer.from(other.id).toString("base64url")}`;
    google.addAuthorizationCode("code-forged", "1//forged-refresh");
    const response = await callback(state, forged, "code-forged");
    expect(new URL(response.headers.get("location")!).searchParams.get("googleError")).toMatch(/another account/);
    expect(await database.prisma.credential.count({ where: { kind: "google" } })).toBe(0);
  });

  it("stores the grant as the user who started the round trip", async () => {
    const { state, cookie } = await start();
    google.addAuthorizationCode("code-ok", "1//good-refresh");
    const response = await callback(state, cookie, "code-ok");
    expect(new URL(response.headers.get("location")!).searchParams.get("google")).toBe("connected");
    const rows = await database.prisma.credential.findMany({ where: { kind: "google" } });
    expect(rows.map((row) => row.userId)).toEqual([LOCAL_USER_ID]);
  });
});

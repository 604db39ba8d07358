// "Connect Google" over real HTTP, opened on an address other than localhost. Next.js hands route handlers a
// `request.url` on the host the server started with (localhost) whatever the browser used; the routes here
// get requests shaped that way, as in the app.
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRouteServer } from "@/testing/route-server";
import { startGoogleServer, type GoogleServer } from "@/testing/servers/google";

const client = { id: "osmen-test.apps.googleusercontent.com", secret: "client-secret-1" };
let google: GoogleServer;
let app: Awaited<ReturnType<typeof startRouteServer>>;

// What Next.js does to request.url: the started-on host replaces the one the browser used.
const asNextSees = (handler: (request: Request) => Promise<Response>) => (request: Request) => {
  const url = new URL(request.url);
  url.host = "localhost:3000";
  return handler(new Request(url, { method: request.method, headers: request.headers }));
};

beforeAll(async () => {
  google = await startGoogleServer({ clientId: client.id, clientSecret: client.secret });
  Object.assign(process.env, {
    DATABASE_URL: `file:${path.join(mkdtempSync(path.join(tmpdir(), "osmen-oauth-")), "oauth.db")}`,
    OSMEN_SECRET_KEY: randomBytes(32).toString("base64"),
    GOOGLE_CLIENT_ID: client.id,
    GOOGLE_CLIENT_SECRET: client.secret,
    OSMEN_GOOGLE_TOKEN_URL: google.tokenUrl,
    OSMEN_GOOGLE_AUTH_URL: `${google.url}o/oauth2/v2/auth`,
    OSMEN_GOOGLE_REVOKE_URL: google.revokeUrl,
    OSMEN_GOOGLE_API_ROOT: google.url,
  });
  const { startGoogleConnection, finishGoogleConnection } = await import("./google-oauth");
  app = await startRouteServer([
    { method: "GET", path: /^\/api\/oauth\/google\/start$/, handler: asNextSees(startGoogleConnection) },
    { method: "GET", path: /^\/api\/oauth\/google\/callback$/, handler: asNextSees(finishGoogleConnection) },
  ]);
});

afterAll(async () => {
  await app?.close();
  await google?.close();
});

describe("Connect Google from 127.0.0.1", () => {
  it("sends Google a callback on the address in use, and the callback connects", async () => {
    const start = await fetch(`${app.url}/api/oauth/google/start`, { redirect: "manual" });
    expect(start.status).toBe(303);
    const consent = new URL(start.headers.get("location")!);
    const redirectUri = consent.searchParams.get("redirect_uri")!;
    expect(redirectUri).toBe(`${app.url}/api/oauth/google/callback`);
    const cookie = start.headers.get("set-cookie")!.split(";")[0]!;

    google.addAuthorizationCode("code-1", "1//refresh-1", redirectUri);
    const callback = new URL(redirectUri);
    callback.searchParams.set("code", "code-1");
    callback.searchParams.set("state", consent.searchParams.get("state")!);
    const finish = await fetch(callback, { redirect: "manual", headers: { cookie } });
    expect(finish.status).toBe(303);
    // Google accepted the code exchange, which it does only for the redirect_uri the consent was asked with.
    expect(google.tokenGrants).toBe(1);
    const settings = new URL(finish.headers.get("location")!);
    expect(settings.origin + settings.pathname).toBe(`${app.url}/settings`);
    expect(settings.searchParams.get("google")).toBe("connected");
    expect(settings.searchParams.get("googleError")).toBeNull();
  });

  it("brings a refused sign-in back to the same address", async () => {
    const finish = await fetch(`${app.url}/api/oauth/google/callback?error=access_denied`, { redirect: "manual" });
    const location = new URL(finish.headers.get("location")!);
    expect(location.origin).toBe(app.url);
    expect(location.searchParams.get("googleError")).toContain("access_denied");
  });
});

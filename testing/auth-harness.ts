// Better Auth over a fresh test database, driven through its real handler with real Requests.
import { createAuth, type Auth, type AuthSettings } from "@/server/auth/auth";
import type { SignUpMode } from "@/server/auth/sign-up-policy";
import type { AuthHandler } from "@/server/auth/auth-rate-limit";
import { guardAuthHandler } from "@/server/auth/auth-handler";
import type { Db } from "@/server/db/client";

export const TEST_ORIGIN = "http://127.0.0.1:3301";

export type AuthHarness = {
  auth: Auth;
  handler: AuthHandler;
  /** POSTs JSON to /api/auth/<path>, as a browser on TEST_ORIGIN would. */
  post: (path: string, body: unknown, init?: { cookie?: string; ip?: string; origin?: string }) => Promise<Response>;
  /** GETs /api/auth/<path>. */
  get: (path: string, cookie?: string) => Promise<Response>;
  signUp: (email: string, password?: string, invite?: string) => Promise<Response>;
  /** Signs in and returns the Cookie header value for later requests. */
  signIn: (email: string, password?: string) => Promise<string>;
};

export const TEST_PASSWORD = "correct horse battery";

/** Session cookies of a response as a Cookie request header. */
export const cookieOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0]!)
    .join("; ");

/** `overrides` replace settings, e.g. `{ baseURL: undefined, trustedOrigins: [] }` for a server without OSMEN_ORIGIN. */
export function createAuthHarness(db: Db, signUpMode: SignUpMode = "invite", overrides: Partial<AuthSettings> = {}): AuthHarness {
  const auth = createAuth({
    db,
    secret: "a-test-secret-that-is-long-enough-1234567890",
    baseURL: TEST_ORIGIN,
    trustedOrigins: [TEST_ORIGIN],
    signUp: signUpMode,
    secureCookies: false,
    trustProxy: false,
    ...overrides,
  });
  const handler = guardAuthHandler((request) => auth.handler(request));
  const headersFor = (init: { cookie?: string; ip?: string; origin?: string } = {}) => {
    const origin = init.origin ?? TEST_ORIGIN;
    // What a browser's fetch() sends, Fetch Metadata included.
    const headers = new Headers({
      origin,
      host: new URL(TEST_ORIGIN).host,
      "x-forwarded-for": init.ip ?? "127.0.0.1",
      "sec-fetch-site": origin === TEST_ORIGIN ? "same-origin" : "cross-site",
      "sec-fetch-mode": "cors",
      "sec-fetch-dest": "empty",
    });
    if (init.cookie) headers.set("cookie", init.cookie);
    return headers;
  };
  const post: AuthHarness["post"] = (path, body, init) => {
    const headers = headersFor(init);
    headers.set("content-type", "application/json");
    return handler(new Request(`${TEST_ORIGIN}/api/auth/${path}`, { method: "POST", headers, body: JSON.stringify(body) }));
  };
  const get: AuthHarness["get"] = (path, cookie) => handler(new Request(`${TEST_ORIGIN}/api/auth/${path}`, { headers: headersFor({ cookie }) }));
  const signUp: AuthHarness["signUp"] = (email, password = TEST_PASSWORD, invite) => post("sign-up/email", { email, password, name: email.split("@")[0], ...(invite && { invite }) });
  const signIn: AuthHarness["signIn"] = async (email, password = TEST_PASSWORD) => {
    const response = await post("sign-in/email", { email, password });
    if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
    return cookieOf(response);
  };
  return { auth, handler, post, get, signUp, signIn };
}

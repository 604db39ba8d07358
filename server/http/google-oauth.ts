// The two legs of "Connect Google": send the browser to Google's consent screen with an unguessable state
// kept in a short-lived cookie, then take the code on the way back and store the grant in the vault. The
// round trip is bound to the caller who started it: the cookie names them, and the callback stores the grant
// as that caller only if the same caller completes it.
import { randomBytes, timingSafeEqual } from "node:crypto";
import { AppError, isAppError } from "@/lib/errors";
import { GoogleAccessError } from "@/lib/tools/google";
import type { Caller } from "@/server/auth/caller";
import { resolveRequestCaller } from "@/server/auth/app-auth";
import { getApp } from "@/server/app";
import { loadServerEnv } from "@/server/env.mjs";
import { absoluteUrl } from "./public-origin";

const STATE_COOKIE = "osmen_google_oauth_state";
const CALLBACK_PATH = "/api/oauth/google/callback";

// GOOGLE_REDIRECT_URI overrides; otherwise the callback is on the origin the browser is using, so the state
// cookie set when the connection starts is sent back with the callback.
const callbackUrl = (request: Request) => loadServerEnv().GOOGLE_REDIRECT_URI ?? absoluteUrl(CALLBACK_PATH, request);

function settingsRedirect(request: Request, outcome: { connected: true } | { error: string }): Response {
  const target = new URL(absoluteUrl("/settings", request));
  if ("error" in outcome) target.searchParams.set("googleError", outcome.error);
  else target.searchParams.set("google", "connected");
  return new Response(null, { status: 303, headers: { location: target.toString(), "set-cookie": `${STATE_COOKIE}=; Path=/api/oauth/google; Max-Age=0; HttpOnly; SameSite=Lax` } });
}

/** What the Settings page shows: our own messages and Google's (already worded for people), nothing else. */
function messageForPerson(error: unknown, fallback: string): string {
  if (isAppError(error)) return error.userMessage;
  if (error instanceof GoogleAccessError) return error.message;
  console.error("[google oauth]", error);
  return fallback;
}

async function services() {
  const app = getApp();
  await app.ready();
  return app.services;
}

/** Who is connecting Google: the request's caller, or null when signed out. */
async function requestCaller(request: Request): Promise<Caller | null> {
  await getApp().ready();
  return resolveRequestCaller(request.headers);
}

const signInFirst = () => new AppError("UNAUTHORIZED", "no caller", { userMessage: "Sign in before connecting Google." });

/** The cookie holds the state and the id of the user who started, so the callback can insist on the same user. */
const stateCookieValue = (state: string, userId: string) => `${state}.${Buffer.from(userId).toString("base64url")}`;

export async function startGoogleConnection(request: Request): Promise<Response> {
  try {
    const caller = await requestCaller(request);
    if (!caller) throw signInFirst();
    const state = randomBytes(32).toString("base64url");
    const location = await (await services()).google.consentUrl(caller, callbackUrl(request), state);
    const secure = callbackUrl(request).startsWith("https:") ? "; Secure" : "";
    const cookie = stateCookieValue(state, caller.userId);
    return new Response(null, {
      status: 303,
      headers: { location, "set-cookie": `${STATE_COOKIE}=${cookie}; Path=/api/oauth/google; Max-Age=600; HttpOnly; SameSite=Lax${secure}` },
    });
  } catch (error) {
    return settingsRedirect(request, { error: messageForPerson(error, "Could not start Google sign-in.") });
  }
}

/** True when the state cookie matches `state` and was set for `caller`. */
function stateMatches(request: Request, state: string | null, caller: Caller): boolean {
  const cookie = request.headers.get("cookie")?.split(/;\s*/).find((part) => part.startsWith(`${STATE_COOKIE}=`))?.slice(STATE_COOKIE.length + 1);
  if (!cookie || !state) return false;
  const expected = stateCookieValue(state, caller.userId);
  if (cookie.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(cookie), Buffer.from(expected));
}

export async function finishGoogleConnection(request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (url.searchParams.get("error")) return settingsRedirect(request, { error: `Google sign-in was not completed (${url.searchParams.get("error")}).` });
  const caller = await requestCaller(request).catch(() => null);
  if (!caller) return settingsRedirect(request, { error: signInFirst().userMessage });
  if (!stateMatches(request, url.searchParams.get("state"), caller)) {
    return settingsRedirect(request, { error: "Google sign-in expired, came from another page or was started by another account; please connect again." });
  }
  try {
    const code = url.searchParams.get("code");
    if (!code) throw new AppError("BAD_REQUEST", "callback without a code", { userMessage: "Google did not send an authorization code." });
    await (await services()).google.completeConnection(caller, callbackUrl(request), code);
    return settingsRedirect(request, { connected: true });
  } catch (error) {
    return settingsRedirect(request, { error: messageForPerson(error, "Google sign-in failed; please try again.") });
  }
}

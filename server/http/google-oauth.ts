// The two legs of "Connect Google": send the browser to Google's consent screen with an unguessable state
// kept in a short-lived cookie, then take the code on the way back and store the grant in the vault.
import { randomBytes, timingSafeEqual } from "node:crypto";
import { AppError, isAppError } from "@/lib/errors";
import { GoogleAccessError } from "@/lib/tools/google";
import { getDb, prepareDatabase } from "@/server/db";
import { loadServerEnv } from "@/server/env.mjs";
import { createServices } from "@/server/services";
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
  await prepareDatabase();
  return createServices(getDb());
}

export async function startGoogleConnection(request: Request): Promise<Response> {
  try {
    const state = randomBytes(32).toString("base64url");
    const location = await (await services()).google.consentUrl(callbackUrl(request), state);
    const secure = callbackUrl(request).startsWith("https:") ? "; Secure" : "";
    return new Response(null, {
      status: 303,
      headers: { location, "set-cookie": `${STATE_COOKIE}=${state}; Path=/api/oauth/google; Max-Age=600; HttpOnly; SameSite=Lax${secure}` },
    });
  } catch (error) {
    return settingsRedirect(request, { error: messageForPerson(error, "Could not start Google sign-in.") });
  }
}

function stateMatches(request: Request, state: string | null): boolean {
  const cookie = request.headers.get("cookie")?.split(/;\s*/).find((part) => part.startsWith(`${STATE_COOKIE}=`))?.slice(STATE_COOKIE.length + 1);
  if (!cookie || !state || cookie.length !== state.length) return false;
  return timingSafeEqual(Buffer.from(cookie), Buffer.from(state));
}

export async function finishGoogleConnection(request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (url.searchParams.get("error")) return settingsRedirect(request, { error: `Google sign-in was not completed (${url.searchParams.get("error")}).` });
  if (!stateMatches(request, url.searchParams.get("state"))) {
    return settingsRedirect(request, { error: "Google sign-in expired or came from another page; please connect again." });
  }
  try {
    const code = url.searchParams.get("code");
    if (!code) throw new AppError("BAD_REQUEST", "callback without a code", { userMessage: "Google did not send an authorization code." });
    await (await services()).google.completeConnection(callbackUrl(request), code);
    return settingsRedirect(request, { connected: true });
  } catch (error) {
    return settingsRedirect(request, { error: messageForPerson(error, "Google sign-in failed; please try again.") });
  }
}

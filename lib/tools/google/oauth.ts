// Google sign-in for the Settings page: the consent URL (read-only scopes, offline access so Google hands
// out a refresh token), the code exchange in the callback, and revoking on disconnect. The token endpoint
// is configurable so tests can point it at testing/servers/google.ts.
// googleapis' index loads all of its ~330 APIs (about 55 MB of heap, 2 s at start); one API's module brings
// only that API and the shared auth classes.
import { auth as googleAuth } from "googleapis/build/src/apis/calendar";
import { createGuardedFetch } from "../guarded-fetch";
import type { GoogleClientSettings } from "./client-settings";
import { RECONNECT_HINT, GoogleAccessError, toGoogleError } from "./errors";

export { readGoogleClientSettings, type GoogleClientSettings } from "./client-settings";

export const GOOGLE_SCOPES = [
  "https://www.googleapis.com/auth/calendar.readonly",
  "https://www.googleapis.com/auth/gmail.readonly",
] as const;

export type OAuthClient = InstanceType<typeof googleAuth.OAuth2>;

/**
 * Every request of the client (token refresh, revoking, and the Calendar and Gmail calls, which googleapis
 * sends through it) goes through the address guard. The endpoints configured here (`settings`' token and
 * revoke URLs, and `apiRoots`, e.g. OSMEN_GOOGLE_API_ROOT) pass; Google's own are public; where any of them
 * redirects is checked like any other address.
 */
export function createOAuthClient(settings: GoogleClientSettings, apiRoots: readonly (string | undefined)[] = []): OAuthClient {
  const endpoints = {
    ...(settings.tokenUrl ? { oauth2TokenUrl: settings.tokenUrl } : {}),
    ...(settings.authUrl ? { oauth2AuthBaseUrl: settings.authUrl } : {}),
    ...(settings.revokeUrl ? { oauth2RevokeUrl: settings.revokeUrl } : {}),
  };
  // forceRefreshOnFailure: a 401 gets one retry with a fresh access token before it counts as a dead grant.
  const { clientId, clientSecret, redirectUri } = settings;
  const fetchImplementation = createGuardedFetch({ trustedOrigins: originsOf([settings.tokenUrl, settings.revokeUrl, ...apiRoots]), subject: "a Google API endpoint" });
  return new googleAuth.OAuth2({ clientId, clientSecret, redirectUri, endpoints, forceRefreshOnFailure: true, transporterOptions: { fetchImplementation } });
}

const originsOf = (urls: readonly (string | undefined)[]) => new Set(urls.filter((url): url is string => Boolean(url)).map((url) => new URL(url).origin));

/**
 * Where "Connect Google" sends the browser. `state` must be an unguessable value the callback checks
 * (CSRF); `prompt=consent` makes Google return a refresh token even if the user connected before.
 */
export function buildConsentUrl(settings: GoogleClientSettings, options: { state: string; loginHint?: string }): string {
  if (!settings.redirectUri) throw new Error("buildConsentUrl needs settings.redirectUri (the OAuth callback URL)");
  return createOAuthClient(settings).generateAuthUrl({
    access_type: "offline",
    prompt: "consent",
    include_granted_scopes: true,
    scope: [...GOOGLE_SCOPES],
    state: options.state,
    ...(options.loginHint ? { login_hint: options.loginHint } : {}),
  });
}

export type GoogleGrant = {
  /** Store this one, encrypted, in the vault; it is what later runs use. */
  refreshToken: string;
  accessToken?: string;
  /** Epoch ms. */
  expiresAt?: number;
  scopes: string[];
};

/** The callback's step: trade the `code` query parameter for tokens. */
export async function exchangeCode(settings: GoogleClientSettings, code: string): Promise<GoogleGrant> {
  let tokens;
  try {
    ({ tokens } = await createOAuthClient(settings).getToken(code));
  } catch (error) {
    const failure = toGoogleError(error, "Google sign-in");
    throw new GoogleAccessError(failure.code, `Google sign-in did not complete: ${failure.message}`, failure.status);
  }
  if (!tokens.refresh_token) {
    throw new GoogleAccessError("reconnect", `Google did not return a refresh token; ${RECONNECT_HINT} and approve the consent screen again.`);
  }
  return {
    refreshToken: tokens.refresh_token,
    accessToken: tokens.access_token ?? undefined,
    expiresAt: tokens.expiry_date ?? undefined,
    scopes: (tokens.scope ?? "").split(" ").filter(Boolean),
  };
}

/** Which of the scopes this app needs a grant lacks (empty when all are there). */
export function missingScopes(granted: string[]): string[] {
  return GOOGLE_SCOPES.filter((scope) => !granted.includes(scope));
}

/** Best effort on "Disconnect": a token Google already forgot is not an error worth showing. */
export async function revokeGrant(settings: GoogleClientSettings, refreshToken: string): Promise<boolean> {
  try {
    await createOAuthClient(settings).revokeToken(refreshToken);
    return true;
  } catch {
    return false;
  }
}

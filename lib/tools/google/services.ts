// createGoogleServices: live Google access for one user, the thing a run receives as `services.integrations.google`.
// The refresh token comes from a token source (the vault, on the server; an environment variable, in the
// command); googleapis fetches and refreshes access tokens on its own. Every failure is mapped to a
// GoogleAccessError whose message is fit for a person ("reconnect Google in Settings" for a dead grant).
import { calendarTimeZone, listCalendars, listEvents, createCalendarApi } from "./calendar-api";
import { notConnectedError, toGoogleError } from "./errors";
import { createGmailApi, listMessages } from "./gmail-api";
import { createOAuthClient, type GoogleClientSettings, type OAuthClient } from "./oauth";
import type { GoogleServices } from "./types";

/** A refresh token, or a function that looks one up when Google is first used in a run (null: not connected). */
export type RefreshTokenSource = string | (() => Promise<string | null | undefined>);

export type GoogleServicesOptions = {
  client: GoogleClientSettings;
  refreshToken: RefreshTokenSource;
  /** API root for tests (testing/servers/google.ts `url`); default Google's. */
  rootUrl?: string;
  /** Called when Google issues new tokens; a rotated refresh token should be stored again. */
  onTokens?: (tokens: { accessToken?: string; refreshToken?: string; expiresAt?: number }) => void;
};

function createAuthLoader(options: GoogleServicesOptions): () => Promise<OAuthClient | null> {
  let pending: Promise<OAuthClient | null> | undefined;
  const load = async () => {
    const token = typeof options.refreshToken === "string" ? options.refreshToken : await options.refreshToken();
    if (!token) return null;
    const auth = createOAuthClient(options.client, [options.rootUrl]);
    auth.setCredentials({ refresh_token: token });
    auth.on("tokens", (tokens) =>
      options.onTokens?.({
        accessToken: tokens.access_token ?? undefined,
        refreshToken: tokens.refresh_token ?? undefined,
        expiresAt: tokens.expiry_date ?? undefined,
      }),
    );
    return auth;
  };
  return () => {
    // One token lookup and one auth client per services object, so parallel nodes share an access token.
    pending ??= load().catch((error) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

export function createGoogleServices(options: GoogleServicesOptions): GoogleServices {
  const loadAuth = createAuthLoader(options);
  const withAuth = async <T>(service: string, call: (auth: OAuthClient) => Promise<T>): Promise<T> => {
    const auth = await loadAuth();
    if (!auth) throw notConnectedError(service);
    try {
      return await call(auth);
    } catch (error) {
      throw toGoogleError(error, service);
    }
  };
  return {
    listEvents: (query, { signal }) => withAuth("Google Calendar", (auth) => listEvents(createCalendarApi(auth, options.rootUrl), query, signal)),
    listCalendars: ({ signal }) => withAuth("Google Calendar", (auth) => listCalendars(createCalendarApi(auth, options.rootUrl), signal)),
    calendarTimeZone: (calendarId, { signal }) =>
      withAuth("Google Calendar", (auth) => calendarTimeZone(createCalendarApi(auth, options.rootUrl), calendarId, signal)),
    listMessages: (query, { signal }) => withAuth("Gmail", (auth) => listMessages(createGmailApi(auth, options.rootUrl), query, signal)),
  };
}

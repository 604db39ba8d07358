// A local server speaking Google Calendar v3, Gmail v1 and the OAuth2 token endpoint, for googleapis
// pointed at it (`rootUrl: server.url`, token endpoint `server.tokenUrl`). Usage:
//   const server = await startGoogleServer();               // accepts refresh token "test-refresh-token"
//   server.setEvents("primary", [{ summary: "Standup", start: "2026-11-25T09:00:00Z", end: "2026-11-25T09:15:00Z" }]);
//   server.setMessages([{ from: "a@example.com", subject: "Hi?", date: new Date().toISOString(), snippet: "..." }]);
//   server.failNext("gmail", { status: 500 });  server.revokeRefreshToken("test-refresh-token");  server.expireAccessTokens();
//   ... server.requests (with `query`), server.tokenGrants ...; await server.close();
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { record, sendJson, type RecordedRequest } from "./scripted-server.ts";
import { eventInRange, eventResource, eventSortKey, messageId, messageMatches, messageResource, sendApiError } from "./google-resources.ts";
import type { FakeEvent, FakeMessage, GoogleFailure } from "./google-resources.ts";

export type { FakeEvent, FakeMessage, GoogleFailure } from "./google-resources.ts";

export type GoogleRequest = RecordedRequest & { query: URLSearchParams };
export type FailureTarget = "calendar" | "gmail" | "token";

export type GoogleServerOptions = { clientId?: string; clientSecret?: string; refreshTokens?: string[]; accessTokenLifetimeS?: number };

export type GoogleServer = {
  /** The rootUrl for googleapis (origin with a trailing slash). */
  readonly url: string;
  readonly tokenUrl: string;
  readonly revokeUrl: string;
  readonly requests: GoogleRequest[];
  /** Access tokens issued so far (a refresh or a code exchange each). */
  readonly tokenGrants: number;
  setEvents(calendarId: string, events: FakeEvent[], summary?: string): void;
  /** A calendar's own time zone (calendars.get, calendarList); default "UTC". */
  setCalendarTimeZone(calendarId: string, timeZone: string): void;
  /** The account's time zone setting (settings.get "timezone"); default "UTC". */
  setUserTimeZone(timeZone: string): void;
  setMessages(messages: FakeMessage[]): void;
  addRefreshToken(token: string): void;
  revokeRefreshToken(token: string): void;
  /**
   * The token endpoint trades this code for this refresh token (authorization_code grant). With
   * `redirectUri`, as Google does, the exchange must name the same redirect_uri the consent was asked with.
   */
  addAuthorizationCode(code: string, refreshToken: string, redirectUri?: string): void;
  /** Every access token issued so far stops working: API calls with them get 401. */
  expireAccessTokens(): void;
  /** The next `times` requests to the target fail with this error. */
  failNext(target: FailureTarget, failure: GoogleFailure, times?: number): void;
  close(): Promise<void>;
};

type State = {
  calendars: Map<string, { summary: string; events: FakeEvent[]; timeZone?: string }>;
  /** The account's Calendar setting "timezone". */
  userTimeZone: string;
  messages: FakeMessage[];
  refreshTokens: Set<string>;
  codes: Map<string, { refreshToken: string; redirectUri?: string }>;
  accessTokens: Set<string>;
  failures: Array<{ target: FailureTarget; failure: GoogleFailure }>;
  grants: number;
};

// As at Google, the primary calendar is listed under the account's address and "primary" is an alias for it.
const PRIMARY_ID = "me@example.com";

function takeFailure(state: State, target: FailureTarget): GoogleFailure | undefined {
  const index = state.failures.findIndex((entry) => entry.target === target);
  return index < 0 ? undefined : state.failures.splice(index, 1)[0]!.failure;
}

function issueAccessToken(state: State, lifetimeS: number) {
  state.grants += 1;
  const token = `ya29.test-${state.grants}-${Math.random().toString(36).slice(2, 10)}`;
  state.accessTokens.add(token);
  return { access_token: token, expires_in: lifetimeS, scope: "https://www.googleapis.com/auth/calendar.readonly https://www.googleapis.com/auth/gmail.readonly", token_type: "Bearer" };
}

function handleToken(request: GoogleRequest, response: ServerResponse, state: State, options: Required<GoogleServerOptions>) {
  const failure = takeFailure(state, "token");
  if (failure) return sendJson(response, failure.status, { error: failure.reason ?? "server_error", error_description: failure.message ?? "Scripted failure" });
  const form = new URLSearchParams(typeof request.body === "string" ? request.body : "");
  if (form.get("client_id") !== options.clientId || form.get("client_secret") !== options.clientSecret) {
    return sendJson(response, 401, { error: "invalid_client", error_description: "The OAuth client was not found." });
  }
  const grantType = form.get("grant_type");
  if (grantType === "refresh_token") {
    if (!state.refreshTokens.has(form.get("refresh_token") ?? "")) {
      return sendJson(response, 400, { error: "invalid_grant", error_description: "Token has been expired or revoked." });
    }
    return sendJson(response, 200, issueAccessToken(state, options.accessTokenLifetimeS));
  }
  if (grantType === "authorization_code") {
    const issued = state.codes.get(form.get("code") ?? "");
    if (!issued) return sendJson(response, 400, { error: "invalid_grant", error_description: "Malformed auth code." });
    if (issued.redirectUri !== undefined && form.get("redirect_uri") !== issued.redirectUri) {
      return sendJson(response, 400, { error: "redirect_uri_mismatch", error_description: "Bad Request" });
    }
    const refreshToken = issued.refreshToken;
    state.codes.delete(form.get("code")!);
    state.refreshTokens.add(refreshToken);
    return sendJson(response, 200, { ...issueAccessToken(state, options.accessTokenLifetimeS), refresh_token: refreshToken });
  }
  sendJson(response, 400, { error: "unsupported_grant_type", error_description: `Invalid grant_type: ${grantType}` });
}

function routeCalendar(request: GoogleRequest, response: ServerResponse, state: State) {
  if (request.path === "/calendar/v3/users/me/calendarList") {
    const items = [...state.calendars.entries()].map(([id, calendar]) => ({
      kind: "calendar#calendarListEntry", id: id === "primary" ? PRIMARY_ID : id, summary: calendar.summary, timeZone: calendar.timeZone ?? "UTC", accessRole: "owner", selected: true, ...(id === "primary" ? { primary: true } : {}),
    }));
    return sendJson(response, 200, { kind: "calendar#calendarList", etag: '"p1"', items });
  }
  if (request.path === "/calendar/v3/users/me/settings/timezone") {
    return sendJson(response, 200, { kind: "calendar#setting", etag: '"s1"', id: "timezone", value: state.userTimeZone });
  }
  const single = /^\/calendar\/v3\/calendars\/([^/]+)$/.exec(request.path);
  if (single) {
    const id = decodeURIComponent(single[1]!);
    const found = state.calendars.get(id === PRIMARY_ID ? "primary" : id);
    if (!found) return sendApiError(response, { status: 404, message: "Not Found" });
    return sendJson(response, 200, { kind: "calendar#calendar", etag: '"c1"', id: id === "primary" ? PRIMARY_ID : id, summary: found.summary, ...(found.timeZone ? { timeZone: found.timeZone } : {}) });
  }
  const match = /^\/calendar\/v3\/calendars\/([^/]+)\/events$/.exec(request.path);
  const named = match ? decodeURIComponent(match[1]!) : "";
  const calendarId = named === PRIMARY_ID ? "primary" : named;
  const calendar = state.calendars.get(calendarId);
  if (!calendar) return sendApiError(response, { status: 404, message: "Not Found" });
  const query = request.query;
  const timeZone = query.get("timeZone") ?? "UTC";
  const listed = calendar.events
    .map((event, index) => ({ event, index }))
    .filter(({ event }) => eventInRange(event, query.get("timeMin") ?? undefined, query.get("timeMax") ?? undefined, timeZone))
    .sort((left, right) => eventSortKey(left.event) - eventSortKey(right.event));
  const offset = Number(query.get("pageToken") ?? 0);
  const size = Number(query.get("maxResults") ?? 250);
  const page = listed.slice(offset, offset + size);
  const more = offset + size < listed.length ? { nextPageToken: String(offset + size) } : {};
  sendJson(response, 200, {
    kind: "calendar#events", summary: calendar.summary, timeZone, accessRole: "owner", updated: "2026-11-20T10:00:00.000Z",
    items: page.map(({ event, index }) => eventResource(event, index, calendarId)), ...more,
  });
}

function routeGmail(request: GoogleRequest, response: ServerResponse, state: State) {
  const indexed = state.messages.map((message, index) => ({ message, index }));
  if (request.path === "/gmail/v1/users/me/messages") {
    const query = request.query.get("q") ?? "";
    const matching = indexed.filter(({ message }) => messageMatches(message, query, Date.now())).sort((left, right) => Date.parse(right.message.date) - Date.parse(left.message.date));
    const page = matching.slice(0, Number(request.query.get("maxResults") ?? 100));
    const listed = page.map(({ message, index }) => ({ id: messageId(message, index), threadId: message.threadId ?? messageId(message, index) }));
    // Like Gmail, an empty result has no `messages` key at all.
    return sendJson(response, 200, { ...(listed.length > 0 ? { messages: listed } : {}), resultSizeEstimate: matching.length });
  }
  const match = /^\/gmail\/v1\/users\/me\/messages\/([^/]+)$/.exec(request.path);
  const found = match ? indexed.find(({ message, index }) => messageId(message, index) === match[1]) : undefined;
  if (!found) return sendApiError(response, { status: 404, message: "Requested entity was not found." });
  sendJson(response, 200, messageResource(found.message, found.index, request.query.get("format") ?? "full", request.query.getAll("metadataHeaders")));
}

async function handle(incoming: IncomingMessage, response: ServerResponse, state: State, options: Required<GoogleServerOptions>, requests: GoogleRequest[]) {
  const request: GoogleRequest = { ...(await record(incoming)), query: new URL(incoming.url ?? "/", "http://localhost").searchParams };
  requests.push(request);
  if (request.path === "/token" && request.method === "POST") return handleToken(request, response, state, options);
  if (request.path === "/revoke") return sendJson(response, 200, {});
  const target: FailureTarget | undefined = request.path.startsWith("/calendar/v3/") ? "calendar" : request.path.startsWith("/gmail/v1/") ? "gmail" : undefined;
  if (!target) return sendJson(response, 404, { error: { code: 404, message: `No route for ${request.path}` } });
  const token = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ""))?.[1];
  if (!token || !state.accessTokens.has(token)) return sendApiError(response, { status: 401 });
  const failure = takeFailure(state, target);
  if (failure) return sendApiError(response, failure);
  return target === "calendar" ? routeCalendar(request, response, state) : routeGmail(request, response, state);
}

function initialState(refreshTokens: string[]): State {
  return {
    calendars: new Map([["primary", { summary: PRIMARY_ID, events: [], timeZone: "UTC" }]]),
    userTimeZone: "UTC",
    messages: [],
    refreshTokens: new Set(refreshTokens),
    codes: new Map(),
    accessTokens: new Set(),
    failures: [],
    grants: 0,
  };
}

export async function startGoogleServer(options: GoogleServerOptions = {}): Promise<GoogleServer> {
  const settings: Required<GoogleServerOptions> = {
    clientId: options.clientId ?? "test-client-id",
    clientSecret: options.clientSecret ?? "test-client-secret",
    refreshTokens: options.refreshTokens ?? ["test-refresh-token"],
    accessTokenLifetimeS: options.accessTokenLifetimeS ?? 3599,
  };
  const state = initialState(settings.refreshTokens);
  const requests: GoogleRequest[] = [];
  const server = createServer((incoming, response) => {
    handle(incoming, response, state, settings, requests).catch((error) => sendJson(response, 500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    tokenUrl: `${origin}/token`,
    revokeUrl: `${origin}/revoke`,
    requests,
    get tokenGrants() {
      return state.grants;
    },
    setEvents: (calendarId, events, summary) =>
      void state.calendars.set(calendarId, {
        summary: summary ?? state.calendars.get(calendarId)?.summary ?? calendarId,
        events,
        timeZone: state.calendars.get(calendarId)?.timeZone ?? "UTC",
      }),
    setCalendarTimeZone: (calendarId, timeZone) => {
      const calendar = state.calendars.get(calendarId) ?? { summary: calendarId, events: [] };
      state.calendars.set(calendarId, { ...calendar, timeZone });
    },
    setUserTimeZone: (timeZone) => void (state.userTimeZone = timeZone),
    setMessages: (messages) => void (state.messages = [...messages]),
    addRefreshToken: (token) => void state.refreshTokens.add(token),
    revokeRefreshToken: (token) => void state.refreshTokens.delete(token),
    addAuthorizationCode: (code, refreshToken, redirectUri) => void state.codes.set(code, { refreshToken, redirectUri }),
    expireAccessTokens: () => state.accessTokens.clear(),
    failNext: (target, failure, times = 1) => {
      for (let count = 0; count < times; count += 1) state.failures.push({ target, failure });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

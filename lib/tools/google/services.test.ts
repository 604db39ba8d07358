import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startGoogleServer, type GoogleServer } from "@/testing/servers/google";
import { buildConsentUrl, createGoogleServices, exchangeCode, GoogleAccessError, GOOGLE_SCOPES, type GoogleClientSettings } from "./index";

let server: GoogleServer;
let client: GoogleClientSettings;

beforeAll(async () => {
  server = await startGoogleServer();
  client = { clientId: "test-client-id", clientSecret: "test-client-secret", tokenUrl: server.tokenUrl, redirectUri: "http://localhost:3000/api/oauth/google/callback" };
});
afterAll(() => server.close());

const day = { timeMin: "2026-11-25T00:00:00.000Z", timeMax: "2026-11-26T00:00:00.000Z", timeZone: "UTC", maxResults: 50 };
const services = (refreshToken = "test-refresh-token") => createGoogleServices({ client, refreshToken, rootUrl: server.url });

async function failureOf(promise: Promise<unknown>): Promise<GoogleAccessError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(GoogleAccessError);
  return error as GoogleAccessError;
}

describe("Google Calendar through googleapis", () => {
  beforeEach(() => {
    server.setEvents("primary", [
      { summary: "Design review", start: "2026-11-25T10:00:00Z", end: "2026-11-25T11:00:00Z", attendees: 3, hangoutLink: "https://meet.google.com/aaa-bbbb-ccc" },
      { summary: "Offsite", start: "2026-11-25", end: "2026-11-26" },
      { summary: "Tomorrow", start: "2026-11-26T10:00:00Z", end: "2026-11-26T11:00:00Z" },
      { summary: "Call", start: "2026-11-25T15:00:00Z", end: "2026-11-25T15:30:00Z", location: "https://zoom.us/j/123 (dial-in)" },
    ]);
    server.setEvents("team@group.calendar.google.com", [{ summary: "Team lunch", start: "2026-11-25T12:00:00Z", end: "2026-11-25T13:00:00Z", attendees: 8 }], "Team");
  });

  it("lists the day's events across calendars with the fields a brief needs", async () => {
    const events = await services().listEvents({ ...day, calendarIds: ["primary", "team@group.calendar.google.com"] }, {});
    expect(events.map((event) => event.title)).toEqual(["Offsite", "Design review", "Call", "Team lunch"]);
    expect(events[0]).toMatchObject({ isAllDay: true, start: "2026-11-25", end: "2026-11-26", attendeeCount: 0 });
    expect(events[1]).toMatchObject({ isAllDay: false, attendeeCount: 3, meetingLink: "https://meet.google.com/aaa-bbbb-ccc" });
    expect(events[2]).toMatchObject({ meetingLink: "https://zoom.us/j/123", location: "https://zoom.us/j/123 (dial-in)" });
    expect(events[3]).toMatchObject({ calendarId: "team@group.calendar.google.com", attendeeCount: 8 });
    const listRequest = server.requests.find((request) => request.path === "/calendar/v3/calendars/primary/events")!;
    expect(listRequest.query.get("singleEvents")).toBe("true");
    expect(listRequest.headers.authorization).toMatch(/^Bearer ya29\./);
  });

  it("refreshes the access token on its own: once at first use, again after Google stops accepting it", async () => {
    const google = services();
    const before = server.tokenGrants;
    await google.listEvents({ ...day, calendarIds: ["primary"] }, {});
    await google.listCalendars({});
    expect(server.tokenGrants).toBe(before + 1);
    server.expireAccessTokens();
    const events = await google.listEvents({ ...day, calendarIds: ["primary"] }, {});
    expect(events).toHaveLength(3);
    expect(server.tokenGrants).toBe(before + 2);
    const refresh = server.requests.filter((request) => request.path === "/token").at(-1)!;
    expect(new URLSearchParams(refresh.body as string).get("grant_type")).toBe("refresh_token");
  });

  it("turns a revoked grant (invalid_grant) into 'reconnect Google in Settings', without a stack trace", async () => {
    server.addRefreshToken("soon-revoked");
    server.revokeRefreshToken("soon-revoked");
    const error = await failureOf(services("soon-revoked").listEvents({ ...day, calendarIds: ["primary"] }, {}));
    expect(error.code).toBe("reconnect");
    expect(error.message).toMatch(/reconnect Google in Settings/);
    expect(error.message).not.toMatch(/\n\s+at /);
  });

  it("turns a 401 from the API into the reconnect message", async () => {
    server.failNext("calendar", { status: 401 }, 2);
    const error = await failureOf(services().listEvents({ ...day, calendarIds: ["primary"] }, {}));
    expect(error.status).toBe(401);
    expect(error.message).toBe("Google refused the sign-in for Google Calendar (401): reconnect Google in Settings.");
  });

  it("names missing permissions and server errors plainly", async () => {
    // Two failures: like a 401, a 403 first gets one retry with a fresh access token.
    server.failNext("calendar", { status: 403, reason: "insufficientPermissions" }, 2);
    expect((await failureOf(services().listCalendars({}))).message).toMatch(/does not allow reading Google Calendar: reconnect Google in Settings/);
    // googleapis retries a 5xx three times before giving up.
    server.failNext("gmail", { status: 503 }, 4);
    expect((await failureOf(services().listMessages({ query: "", maxResults: 5, includeBody: false }, {}))).message).toBe(
      "Gmail answered with an error (503); try again later.",
    );
  });

  it("lists the calendars for a picker", async () => {
    const calendars = await services().listCalendars({});
    expect(calendars).toContainEqual({ id: "me@example.com", title: "me@example.com", isPrimary: true, timeZone: "UTC" });
    expect(calendars.map((calendar) => calendar.title)).toContain("Team");
  });
});

describe("Gmail through googleapis", () => {
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
  beforeEach(() => {
    server.setMessages([
      { from: "Ana <ana@example.com>", subject: "Budget", date: hoursAgo(1), snippet: "Can you approve the budget by Friday?", body: "Full text of the budget mail." },
      { from: "News <newsletter@example.com>", subject: "Weekly news", date: hoursAgo(3), snippet: "This week in tech" },
      { from: "Old <old@example.com>", subject: "Old", date: hoursAgo(48), snippet: "From two days ago?" },
      { from: "Read <read@example.com>", subject: "Seen", date: hoursAgo(2), snippet: "Already read", labelIds: ["INBOX"] },
    ]);
  });

  it("reads sender, subject, date and snippet of unread recent mail, metadata only", async () => {
    const emails = await services().listMessages({ query: "is:unread newer_than:1d", maxResults: 10, includeBody: false }, {});
    expect(emails.map((email) => email.subject)).toEqual(["Budget", "Weekly news"]);
    expect(emails[0]).toMatchObject({ from: "Ana <ana@example.com>", isUnread: true, needsReply: true, snippet: "Can you approve the budget by Friday?" });
    expect(emails[0]!.body).toBeUndefined();
    expect(emails[1]!.needsReply).toBe(false);
    const gets = server.requests.filter((request) => /\/messages\/[^/]+$/.test(request.path));
    expect(gets.every((request) => request.query.get("format") === "metadata")).toBe(true);
  });

  it("returns bodies only when asked, and an empty list for no matches", async () => {
    const [email] = await services().listMessages({ query: "from:ana", maxResults: 1, includeBody: true }, {});
    expect(email!.body).toBe("Full text of the budget mail.");
    expect(await services().listMessages({ query: "subject:nothing-like-this", maxResults: 5, includeBody: false }, {})).toEqual([]);
  });
});

describe("Gmail bodies of any MIME structure", () => {
  const date = new Date(Date.now() - 3_600_000).toISOString();
  const headers = (subject: string, contentType: string, extra: string[] = []) =>
    ["From: =?UTF-8?Q?Jos=C3=A9?= <jose@example.com>", `Subject: ${subject}`, "Date: Mon, 30 Nov 2026 09:00:00 +0000", "MIME-Version: 1.0", `Content-Type: ${contentType}`, ...extra, ""];
  const sources: Record<string, string | Buffer> = {
    htmlOnly: [...headers("HTML only", 'text/html; charset="UTF-8"'), '<html><head><style>p { color: red }</style></head><body><p>Meeting moved to <b>3pm</b>.</p><ul><li>Room 4</li></ul></body></html>'].join("\r\n"),
    latin1: Buffer.concat([Buffer.from([...headers("=?ISO-8859-1?Q?Men=FC?=", 'text/plain; charset="ISO-8859-1"', ["Content-Transfer-Encoding: 8bit"]), ""].join("\r\n")), Buffer.from("Caf\xe9 cr\xe8me", "latin1")]),
    quotedPrintable: [...headers("QP", "text/plain; charset=windows-1252", ["Content-Transfer-Encoding: quoted-printable"]), "Price: 10 =80, na=EFve soft=", "ly wrapped."].join("\r\n"),
    nested: [
      ...headers("Nested", 'multipart/mixed; boundary="outer"'),
      "--outer",
      'Content-Type: multipart/alternative; boundary="inner"',
      "",
      "--inner",
      "Content-Type: text/html; charset=utf-8",
      "",
      "<p>HTML version</p>",
      "--inner",
      "Content-Type: text/plain; charset=koi8-r",
      "Content-Transfer-Encoding: base64",
      "",
      Buffer.from([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4]).toString("base64"),
      "--inner--",
      "--outer",
      "Content-Type: application/pdf; name=report.pdf",
      "Content-Disposition: attachment; filename=report.pdf",
      "Content-Transfer-Encoding: base64",
      "",
      Buffer.from("%PDF-1.4 not text").toString("base64"),
      "--outer--",
      "",
    ].join("\r\n"),
  };

  beforeEach(() => {
    server.setMessages(Object.entries(sources).map(([id, source]) => ({ id, from: "x", subject: id, date, snippet: "…", source })));
  });

  it("reads each body as text, with decoded senders and subjects", async () => {
    const emails = await services().listMessages({ query: "", maxResults: 10, includeBody: true }, {});
    const byId = Object.fromEntries(emails.map((email) => [email.id, email]));
    expect(byId.htmlOnly).toMatchObject({ from: "José <jose@example.com>", subject: "HTML only" });
    expect(byId.htmlOnly!.body).toContain("Meeting moved to 3pm.");
    expect(byId.htmlOnly!.body).toContain("Room 4");
    expect(byId.htmlOnly!.body).not.toMatch(/<|color: red/);
    expect(byId.latin1).toMatchObject({ subject: "Menü", body: "Café crème" });
    expect(byId.quotedPrintable!.body).toBe("Price: 10 €, naïve softly wrapped.");
    expect(byId.nested!.body).toBe("Привет");
    const gets = server.requests.filter((request) => /\/messages\/[^/]+$/.test(request.path));
    expect(gets.at(-1)!.query.get("format")).toBe("raw");
  });
});

describe("Google sign-in helpers", () => {
  it("builds a consent URL with read-only scopes, offline access and the state", () => {
    const url = new URL(buildConsentUrl(client, { state: "csrf-123" }));
    expect(url.searchParams.get("scope")!.split(" ")).toEqual([...GOOGLE_SCOPES]);
    expect(url.searchParams.get("access_type")).toBe("offline");
    expect(url.searchParams.get("state")).toBe("csrf-123");
    expect(url.searchParams.get("redirect_uri")).toBe(client.redirectUri);
  });

  it("exchanges a code for a refresh token that then works", async () => {
    server.addAuthorizationCode("code-abc", "fresh-refresh-token");
    const grant = await exchangeCode(client, "code-abc");
    expect(grant.refreshToken).toBe("fresh-refresh-token");
    expect(grant.scopes).toEqual([...GOOGLE_SCOPES]);
    await expect(services("fresh-refresh-token").listCalendars({})).resolves.not.toHaveLength(0);
    await expect(exchangeCode(client, "code-abc")).rejects.toThrowError(/reconnect Google in Settings/);
  });

  it("reports 'not connected' when the token source has nothing", async () => {
    const google = createGoogleServices({ client, refreshToken: async () => null, rootUrl: server.url });
    expect((await failureOf(google.listCalendars({}))).code).toBe("not_connected");
  });
});

describe("redirects from a configured API root", () => {
  it("are checked: one to another local port is refused, and that port sees nothing", async () => {
    const internal = await startGoogleServer();
    // A configured root (OSMEN_GOOGLE_API_ROOT) that sends every request on to another service on this machine.
    const front = createServer((request, response) => {
      response.writeHead(307, { location: new URL(request.url ?? "/", internal.url).href });
      response.end();
    });
    await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
    try {
      const rootUrl = `http://127.0.0.1:${(front.address() as AddressInfo).port}/`;
      const failure = await failureOf(createGoogleServices({ client, refreshToken: "test-refresh-token", rootUrl }).listEvents({ ...day, calendarIds: ["primary"] }, {}));
      expect(failure.message).toMatch(/^Google Calendar was not called: .*loopback address; a Google API endpoint \(redirected there by http:\/\/127\.0\.0\.1:\d+\) only reaches public addresses/);
      expect(internal.requests).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => front.close(() => resolve()));
      await internal.close();
    }
  });
});

// What testing/servers/google.ts serves: Calendar v3 event and Gmail v1 message resources in Google's own
// JSON shapes, the filtering Google does on them (time range, search query, metadata headers), and its
// API error format.
import type { ServerResponse } from "node:http";
import { sendJson } from "./scripted-server.ts";

/** An HTTP error in Google's format; `reason` goes into error.errors[0].reason (API) or error (token endpoint). */
export type GoogleFailure = { status: number; message?: string; reason?: string };

/** An event as a test writes it; rendered as a calendar#event resource. */
export type FakeEvent = {
  id?: string;
  summary?: string;
  /** ISO date-time, or YYYY-MM-DD for an all-day event. */
  start: string;
  end: string;
  location?: string;
  description?: string;
  attendees?: number;
  hangoutLink?: string;
  status?: "confirmed" | "tentative" | "cancelled";
};

/** A message as a test writes it; rendered as a gmail#message resource. */
export type FakeMessage = {
  id?: string;
  threadId?: string;
  from: string;
  subject: string;
  /** ISO date-time. */
  date: string;
  snippet: string;
  /** Default ["INBOX", "UNREAD"]. */
  labelIds?: string[];
  body?: string;
  /**
   * The message's RFC 822 source, any MIME structure and charset, as format "raw" returns it. Without it,
   * the source is built from the fields above: multipart/alternative, text/plain and text/html in UTF-8.
   */
  source?: string | Buffer;
};

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
const dateInZone = (instant: number, timeZone: string) => new Date(instant).toLocaleDateString("en-CA", { timeZone });

export function eventResource(event: FakeEvent, index: number, calendarId: string) {
  const when = (value: string) => (isDate(value) ? { date: value } : { dateTime: value });
  return {
    kind: "calendar#event",
    etag: `"${3_000_000_000 + index}"`,
    id: event.id ?? `evt${index}${calendarId.replace(/\W/g, "").slice(0, 8)}`,
    status: event.status ?? "confirmed",
    htmlLink: `https://www.google.com/calendar/event?eid=${index}`,
    created: "2026-11-01T10:00:00.000Z",
    updated: "2026-11-20T10:00:00.000Z",
    summary: event.summary,
    ...(event.description ? { description: event.description } : {}),
    ...(event.location ? { location: event.location } : {}),
    organizer: { email: "me@example.com", self: true },
    start: when(event.start),
    end: when(event.end),
    ...(event.hangoutLink ? { hangoutLink: event.hangoutLink } : {}),
    ...(event.attendees
      ? { attendees: Array.from({ length: event.attendees }, (_, n) => ({ email: `person${n}@example.com`, responseStatus: "accepted" })) }
      : {}),
    iCalUID: `${index}@google.com`,
    sequence: 0,
    eventType: "default",
  };
}

/** Google's rule: an event is listed when it overlaps [timeMin, timeMax); all-day dates read in the query's zone. */
export function eventInRange(event: FakeEvent, timeMin: string | undefined, timeMax: string | undefined, timeZone: string): boolean {
  if (isDate(event.start)) {
    const first = timeMin ? dateInZone(Date.parse(timeMin), timeZone) : "0000-01-01";
    const last = timeMax ? dateInZone(Date.parse(timeMax) - 1, timeZone) : "9999-12-31";
    return event.start <= last && event.end > first;
  }
  const start = Date.parse(event.start);
  const end = Date.parse(event.end);
  return (!timeMax || start < Date.parse(timeMax)) && (!timeMin || end > Date.parse(timeMin));
}

export const eventSortKey = (event: FakeEvent) => Date.parse(isDate(event.start) ? `${event.start}T00:00:00Z` : event.start);

/** The subset of Gmail search the tools use: is:unread, newer_than:Nd/Nh, from:, subject:, and plain words. */
export function messageMatches(message: FakeMessage, query: string, now: number): boolean {
  const labels = message.labelIds ?? ["INBOX", "UNREAD"];
  return query
    .split(/\s+/)
    .filter(Boolean)
    .every((term) => {
      const [, key, value = ""] = /^(\w+):(.*)$/.exec(term) ?? [, "", term];
      if (key === "is") return value === "unread" ? labels.includes("UNREAD") : labels.includes(value.toUpperCase());
      if (key === "newer_than") return Date.parse(message.date) >= now - durationMs(value);
      if (key === "from") return message.from.toLowerCase().includes(value.toLowerCase());
      if (key === "subject") return message.subject.toLowerCase().includes(value.toLowerCase());
      return `${message.from} ${message.subject} ${message.snippet}`.toLowerCase().includes(term.toLowerCase());
    });
}

function durationMs(value: string): number {
  const match = /^(\d+)([dhmy])$/.exec(value);
  if (!match) return Number.POSITIVE_INFINITY;
  const unit = { h: 3_600_000, d: 86_400_000, m: 30 * 86_400_000, y: 365 * 86_400_000 }[match[2] as "h" | "d" | "m" | "y"];
  return Number(match[1]) * unit;
}

export const messageId = (message: FakeMessage, index: number) => message.id ?? (0x18c0000000 + index).toString(16);

/** format "full" | "metadata" | "minimal", as messages.get takes it. */
export function messageResource(message: FakeMessage, index: number, format: string, metadataHeaders: string[]) {
  const id = messageId(message, index);
  const headers = [
    { name: "From", value: message.from },
    { name: "To", value: "me@example.com" },
    { name: "Subject", value: message.subject },
    { name: "Date", value: new Date(message.date).toUTCString().replace("GMT", "+0000") },
  ];
  const base = {
    id,
    threadId: message.threadId ?? id,
    labelIds: message.labelIds ?? ["INBOX", "UNREAD"],
    snippet: message.snippet,
    sizeEstimate: 2048 + (message.body?.length ?? 0),
    historyId: String(900_000 + index),
    internalDate: String(Date.parse(message.date)),
  };
  if (format === "minimal") return base;
  if (format === "raw") return { ...base, raw: Buffer.from(messageSource(message, headers)).toString("base64url") };
  if (format === "metadata") {
    const wanted = metadataHeaders.map((name) => name.toLowerCase());
    const chosen = wanted.length > 0 ? headers.filter((entry) => wanted.includes(entry.name.toLowerCase())) : headers;
    return { ...base, payload: { partId: "", mimeType: "multipart/alternative", filename: "", headers: chosen } };
  }
  const text = message.body ?? message.snippet;
  const part = (partId: string, mimeType: string, data: string) => ({
    partId,
    mimeType,
    filename: "",
    headers: [{ name: "Content-Type", value: `${mimeType}; charset="UTF-8"` }],
    body: { size: Buffer.byteLength(data), data: Buffer.from(data).toString("base64url") },
  });
  const parts = [part("0", "text/plain", text), part("1", "text/html", `<div>${text}</div>`)];
  return { ...base, payload: { partId: "", mimeType: "multipart/alternative", filename: "", headers, body: { size: 0 }, parts } };
}

function messageSource(message: FakeMessage, headers: Array<{ name: string; value: string }>): string | Buffer {
  if (message.source !== undefined) return message.source;
  const text = message.body ?? message.snippet;
  const boundary = "000000000000fake0boundary";
  const encode = (value: string) => (/^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value).toString("base64")}?=`);
  const part = (mimeType: string, content: string) =>
    [`--${boundary}`, `Content-Type: ${mimeType}; charset="UTF-8"`, "Content-Transfer-Encoding: base64", "", Buffer.from(content).toString("base64")].join("\r\n");
  return [
    ...headers.map((entry) => `${entry.name}: ${encode(entry.value)}`),
    "MIME-Version: 1.0",
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    "",
    part("text/plain", text),
    part("text/html", `<div dir="ltr">${text}</div>`),
    `--${boundary}--`,
    "",
  ].join("\r\n");
}

const statusNames: Record<number, string> = { 400: "INVALID_ARGUMENT", 401: "UNAUTHENTICATED", 403: "PERMISSION_DENIED", 404: "NOT_FOUND", 429: "RESOURCE_EXHAUSTED", 500: "INTERNAL", 503: "UNAVAILABLE" };

export function sendApiError(response: ServerResponse, failure: GoogleFailure) {
  const message = failure.message ?? (failure.status === 401 ? "Request had invalid authentication credentials." : `Scripted error ${failure.status}`);
  const reason = failure.reason ?? (failure.status === 401 ? "authError" : failure.status === 404 ? "notFound" : "backendError");
  const headers: Record<string, string> = failure.status === 401 ? { "www-authenticate": 'Bearer realm="https://accounts.google.com/", error="invalid_token"' } : {};
  sendJson(
    response,
    failure.status,
    { error: { code: failure.status, message, errors: [{ message, domain: "global", reason }], status: statusNames[failure.status] ?? "UNKNOWN" } },
    headers,
  );
}

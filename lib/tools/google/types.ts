// The shapes the Google tools speak, shared by the Node-side clients, the browser-safe node kinds and the
// Daily Brief. Pure types: importing this file pulls in nothing.

/** One calendar entry, reduced to what a brief needs. Times are ISO 8601; an all-day event's are dates. */
export type CalendarEvent = {
  id: string;
  calendarId: string;
  title: string;
  /** "2026-11-25T09:30:00+01:00", or "2026-11-25" for an all-day event. */
  start: string;
  /** Exclusive end, as Google gives it (an all-day event on the 25th ends on the 26th). */
  end: string;
  isAllDay: boolean;
  location?: string;
  attendeeCount: number;
  /** Google Meet, or a Zoom/Teams link found in the location or description. */
  meetingLink?: string;
};

/** One message's headers and snippet; `body` only when the caller asked for it. */
export type EmailSummary = {
  id: string;
  threadId: string;
  from: string;
  subject: string;
  /** ISO 8601, from Gmail's internalDate. */
  date: string;
  snippet: string;
  isUnread: boolean;
  /** A heuristic (a question, a request, a deadline; never from a no-reply sender), filled by the tools. */
  needsReply: boolean;
  body?: string;
};

export type CalendarQuery = {
  calendarIds: string[];
  /** Inclusive start and exclusive end, ISO 8601 instants. */
  timeMin: string;
  timeMax: string;
  timeZone: string;
  /** Per calendar. */
  maxResults: number;
};

export type GmailQuery = {
  /** Gmail search syntax, e.g. "is:unread newer_than:1d". */
  query: string;
  maxResults: number;
  /** Plain-text bodies, truncated; off unless asked, since a brief needs only the snippet. */
  includeBody: boolean;
};

export type CalendarInfo = { id: string; title: string; isPrimary: boolean; timeZone?: string };

/**
 * Where a calendar read's time zone came from: the node's setting, the calendar's own zone (Calendar API
 * calendars.get), the account's Calendar setting "timezone", or the server's zone (sample data, or Google
 * named none).
 */
export type TimeZoneSource = "setting" | "calendar" | "account" | "server";

/**
 * Live Google access for one user, injected into a run as `RunServices.integrations.google` (see createGoogleServices).
 * Errors it throws are GoogleAccessError with a message fit to show as is.
 */
export type GoogleServices = {
  listEvents(query: CalendarQuery, options: { signal?: AbortSignal }): Promise<CalendarEvent[]>;
  listMessages(query: GmailQuery, options: { signal?: AbortSignal }): Promise<EmailSummary[]>;
  listCalendars(options: { signal?: AbortSignal }): Promise<CalendarInfo[]>;
  /** The calendar's own IANA zone, else the account's; null when Google names neither. */
  calendarTimeZone(calendarId: string, options: { signal?: AbortSignal }): Promise<{ timeZone: string; source: "calendar" | "account" } | null>;
};

export type EventConflict = { firstId: string; secondId: string; first: string; second: string; overlapMinutes: number };

/** The `data` output of a Google Calendar node. */
export type CalendarData = {
  source: "google_calendar";
  isSample: boolean;
  /** The first day, YYYY-MM-DD in `timeZone`. */
  date: string;
  days: number;
  timeZone: string;
  /** Why `timeZone` is the zone used (absent in data from before it was recorded). */
  timeZoneSource?: TimeZoneSource;
  events: CalendarEvent[];
  conflicts: EventConflict[];
  /** Set when the node keeps going after a failure (continueOnError): why there are no events. */
  error?: string;
};

/** The `data` output of a Gmail node. */
export type GmailData = {
  source: "gmail";
  isSample: boolean;
  query: string;
  emails: EmailSummary[];
  /** The zone the message times are shown in, when the node chose it from Google (empty setting). */
  timeZone?: string;
  error?: string;
};

// Reading a calendar range for the Google Calendar node: live through `access.google`, or the sample day.
import { findConflicts, sortEvents } from "./analysis";
import { serverTimeZone } from "../time-zone";
import { addDays, dayRange } from "./day-range";
import { sampleCalendarEvents } from "./sample-data";
import { requireGoogle, type SourceAccess } from "./source-access";
import type { CalendarData, CalendarEvent, GoogleServices, TimeZoneSource } from "./types";

export type CalendarReadSettings = {
  useSampleData: boolean;
  /** YYYY-MM-DD; empty: today in the time zone. */
  date: string;
  days: number;
  /** IANA zone; empty: the calendar's own (from Google), then the account's, then the server's. */
  timeZone: string;
  calendarIds: string[];
  maxResults: number;
};

type ZoneChoice = { timeZone: string; source: TimeZoneSource };

// "Today" is the calendar owner's day, not the server's: a Los Angeles calendar read on a UTC server at
// 02:00 UTC is still on the previous day. The first calendar read decides.
async function chooseTimeZone(settings: CalendarReadSettings, google: GoogleServices | undefined, signal: AbortSignal | undefined): Promise<ZoneChoice> {
  if (settings.timeZone) return { timeZone: settings.timeZone, source: "setting" };
  const fromGoogle = google ? await google.calendarTimeZone(settings.calendarIds[0] ?? "primary", { signal }) : null;
  return fromGoogle ?? { timeZone: serverTimeZone(), source: "server" };
}

export async function readCalendar(settings: CalendarReadSettings, access: SourceAccess): Promise<CalendarData> {
  const google = settings.useSampleData ? undefined : requireGoogle(access.google, "Google Calendar");
  const zone = await chooseTimeZone(settings, google, access.signal);
  const range = dayRange({ date: settings.date, days: settings.days, timeZone: zone.timeZone, now: access.now });
  let events: CalendarEvent[];
  if (!google) {
    events = Array.from({ length: range.days }, (_, day) =>
      sampleCalendarEvents(addDays(range.date, day), range.timeZone).map((event) => ({ ...event, id: `${event.id}-d${day + 1}` })),
    ).flat();
  } else {
    const calendarIds = settings.calendarIds.length > 0 ? settings.calendarIds : ["primary"];
    const query = { calendarIds, timeMin: range.timeMin, timeMax: range.timeMax, timeZone: range.timeZone, maxResults: settings.maxResults };
    events = await google.listEvents(query, { signal: access.signal });
  }
  const sorted = sortEvents(events);
  return {
    source: "google_calendar",
    isSample: settings.useSampleData,
    date: range.date,
    days: range.days,
    timeZone: range.timeZone,
    timeZoneSource: zone.source,
    events: sorted,
    conflicts: findConflicts(sorted),
  };
}

/** The data a node passes on when reading failed and it keeps going. */
export function failedCalendar(message: string, settings: Pick<CalendarReadSettings, "useSampleData" | "date" | "days" | "timeZone">, now: Date): CalendarData {
  let range: { date: string; days: number; timeZone: string };
  try {
    range = dayRange({ date: settings.date, days: settings.days, timeZone: settings.timeZone, now });
  } catch {
    range = { date: settings.date || now.toISOString().slice(0, 10), days: settings.days, timeZone: settings.timeZone || "UTC" };
  }
  return { source: "google_calendar", isSample: settings.useSampleData, ...range, events: [], conflicts: [], error: message };
}

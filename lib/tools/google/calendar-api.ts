// Google Calendar v3 through googleapis: events of a range across calendars, and the calendar list for a
// picker. Only the fields a brief needs leave this file.
// The Calendar API alone: googleapis' index would load all of its APIs (see oauth.ts).
import { calendar, type calendar_v3 } from "googleapis/build/src/apis/calendar";
import type { OAuthClient } from "./oauth";
import type { CalendarEvent, CalendarInfo, CalendarQuery } from "./types";

export type CalendarApi = calendar_v3.Calendar;

export function createCalendarApi(auth: OAuthClient, rootUrl?: string): CalendarApi {
  return calendar({ version: "v3", auth, ...(rootUrl ? { rootUrl } : {}) });
}

const linkPattern = /https:\/\/(?:[\w-]+\.)?(?:zoom\.us|teams\.microsoft\.com|meet\.google\.com|webex\.com)\/[^\s<>"')]+/i;

function meetingLinkOf(event: calendar_v3.Schema$Event): string | undefined {
  const video = event.conferenceData?.entryPoints?.find((entry) => entry.entryPointType === "video")?.uri;
  return event.hangoutLink ?? video ?? linkPattern.exec(`${event.location ?? ""} ${event.description ?? ""}`)?.[0] ?? undefined;
}

export function toCalendarEvent(event: calendar_v3.Schema$Event, calendarId: string): CalendarEvent {
  const isAllDay = Boolean(event.start?.date && !event.start?.dateTime);
  const meetingLink = meetingLinkOf(event);
  return {
    id: event.id ?? "",
    calendarId,
    title: event.summary?.trim() || "(no title)",
    start: (isAllDay ? event.start?.date : event.start?.dateTime) ?? "",
    end: (isAllDay ? event.end?.date : event.end?.dateTime) ?? "",
    isAllDay,
    ...(event.location ? { location: event.location } : {}),
    attendeeCount: event.attendees?.filter((attendee) => !attendee.resource).length ?? 0,
    ...(meetingLink ? { meetingLink } : {}),
  };
}

async function listCalendarEvents(api: CalendarApi, calendarId: string, query: CalendarQuery, signal?: AbortSignal): Promise<CalendarEvent[]> {
  const events: CalendarEvent[] = [];
  let pageToken: string | undefined;
  do {
    const response = await api.events.list(
      {
        calendarId,
        timeMin: query.timeMin,
        timeMax: query.timeMax,
        timeZone: query.timeZone,
        singleEvents: true,
        orderBy: "startTime",
        maxResults: Math.min(250, query.maxResults - events.length),
        pageToken,
      },
      { signal },
    );
    for (const item of response.data.items ?? []) if (item.status !== "cancelled") events.push(toCalendarEvent(item, calendarId));
    pageToken = response.data.nextPageToken ?? undefined;
  } while (pageToken && events.length < query.maxResults);
  return events;
}

export async function listEvents(api: CalendarApi, query: CalendarQuery, signal?: AbortSignal): Promise<CalendarEvent[]> {
  const perCalendar = await Promise.all(query.calendarIds.map((calendarId) => listCalendarEvents(api, calendarId, query, signal)));
  return perCalendar.flat();
}

export async function listCalendars(api: CalendarApi, signal?: AbortSignal): Promise<CalendarInfo[]> {
  const response = await api.calendarList.list({ minAccessRole: "reader" }, { signal });
  return (response.data.items ?? []).map((item) => ({
    id: item.id ?? "",
    title: item.summaryOverride ?? item.summary ?? item.id ?? "",
    isPrimary: item.primary === true,
    ...(item.timeZone ? { timeZone: item.timeZone } : {}),
  }));
}

/**
 * The zone "today" means for a calendar: its own (calendars.get), else the account's Calendar setting
 * "timezone" (settings.get), else null.
 */
export async function calendarTimeZone(
  api: CalendarApi,
  calendarId: string,
  signal?: AbortSignal,
): Promise<{ timeZone: string; source: "calendar" | "account" } | null> {
  const calendar = await api.calendars.get({ calendarId }, { signal });
  if (calendar.data.timeZone) return { timeZone: calendar.data.timeZone, source: "calendar" };
  const setting = await api.settings.get({ setting: "timezone" }, { signal });
  return setting.data.value ? { timeZone: setting.data.value, source: "account" } : null;
}

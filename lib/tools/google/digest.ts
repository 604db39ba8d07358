// Plain-text renderings of Calendar and Gmail data for a prompt, and the one-line status a brief ends with.
// Written as lists a small local model can follow, with the deterministic flags (conflicts, needs a reply,
// sample data, a failed source) spelled out so the model does not have to work them out.
import { clockTime, longDate } from "./day-range";
import type { CalendarData, CalendarEvent, EmailSummary, GmailData } from "./types";

const SAMPLE_NOTE = "(sample data, not a real account)";

function eventLine(event: CalendarEvent, data: CalendarData, conflictsWith: string[]): string {
  const when = event.isAllDay ? "All day" : `${clockTime(event.start, data.timeZone)}–${clockTime(event.end, data.timeZone)}`;
  const details = [
    event.location ? `at ${event.location}` : "",
    event.attendeeCount > 0 ? `${event.attendeeCount} attendees` : "",
    event.meetingLink ? `link: ${event.meetingLink}` : "",
    conflictsWith.length > 0 ? `CONFLICT with ${conflictsWith.map((title) => `"${title}"`).join(", ")}` : "",
  ].filter(Boolean);
  return `- ${when} ${event.title}${details.length > 0 ? ` (${details.join("; ")})` : ""}`;
}

// A zone set on the node is the reader's own choice; any other is named with where it came from.
const zoneNotes: Record<NonNullable<CalendarData["timeZoneSource"]>, string> = {
  setting: "",
  calendar: "the calendar's time zone",
  account: "the Google account's time zone",
  server: "the server's time zone",
};

function zoneLabel(data: CalendarData): string {
  const note = data.timeZoneSource ? zoneNotes[data.timeZoneSource] : "";
  return note ? `${data.timeZone}, ${note}` : data.timeZone;
}

function dayLabel(data: CalendarData): string {
  return data.days > 1 ? `the ${data.days} days from ${longDate(data.date)}` : longDate(data.date);
}

export function describeCalendar(data: CalendarData): string {
  const header = `Calendar for ${dayLabel(data)} (${zoneLabel(data)})${data.isSample ? ` ${SAMPLE_NOTE}` : ""}:`;
  if (data.error) return `${header}\nThe calendar could not be read: ${data.error}`;
  if (data.events.length === 0) return `${header}\nNo events: the day is free.`;
  const lines = data.events.map((event) => {
    const others = data.conflicts
      .filter((conflict) => conflict.firstId === event.id || conflict.secondId === event.id)
      .map((conflict) => (conflict.firstId === event.id ? conflict.second : conflict.first));
    return eventLine(event, data, others);
  });
  const conflicts = data.conflicts.length > 0 ? `\n${data.conflicts.length} scheduling conflict(s) flagged above.` : "";
  return `${header}\n${lines.join("\n")}${conflicts}`;
}

function emailLine(email: EmailSummary, timeZone: string): string {
  const flag = email.needsReply ? " [NEEDS REPLY]" : "";
  const body = email.body ? `\n  Body: ${email.body.replace(/\s+/g, " ").slice(0, 2000)}` : "";
  return `- ${clockTime(email.date, timeZone)} from ${email.from}: "${email.subject}"${flag}\n  ${email.snippet}${body}`;
}

export function describeInbox(data: GmailData, timeZone: string): string {
  const header = `Emails matching "${data.query}"${data.isSample ? ` ${SAMPLE_NOTE}` : ""}:`;
  if (data.error) return `${header}\nThe inbox could not be read: ${data.error}`;
  if (data.emails.length === 0) return `${header}\nNo messages.`;
  const replies = data.emails.filter((email) => email.needsReply).length;
  return `${header}\n${data.emails.map((email) => emailLine(email, timeZone)).join("\n")}\n${replies} of ${data.emails.length} look like they need a reply.`;
}

const sampleSuffix = (isSample: boolean) => (isSample ? " — sample data" : "");

export function calendarStatus(data: CalendarData): string {
  if (data.error) return `Google Calendar could not be read: ${data.error}`;
  const count = data.events.length === 0 ? "no events" : `${data.events.length} event${data.events.length === 1 ? "" : "s"}`;
  return `Google Calendar: ${count} on ${dayLabel(data)}${sampleSuffix(data.isSample)}`;
}

export function gmailStatus(data: GmailData): string {
  if (data.error) return `Gmail could not be read: ${data.error}`;
  const count = data.emails.length === 0 ? "no messages" : `${data.emails.length} message${data.emails.length === 1 ? "" : "s"}`;
  return `Gmail: ${count} matching "${data.query}"${sampleSuffix(data.isSample)}`;
}

// Calendar days in a time zone: "today in Europe/Paris" and the instants it starts and ends at. luxon does
// the zone arithmetic, so a day across a daylight-saving change lasts 23 or 25 hours.
import { DateTime } from "luxon";
import { canonicalTimeZone, serverTimeZone } from "../time-zone";

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** An IANA zone, checked; empty means the runtime's own zone. Throws RangeError naming a valid example. */
export function resolveTimeZone(timeZone: string | undefined): string {
  return timeZone ? canonicalTimeZone(timeZone) : serverTimeZone();
}

function dayIn(date: string, timeZone: string): DateTime {
  const day = datePattern.test(date) ? DateTime.fromISO(date, { zone: timeZone }) : undefined;
  if (!day?.isValid) throw new RangeError(`"${date}" is not a date in YYYY-MM-DD form`);
  return day;
}

/** The instant a wall-clock time happens in a zone (a time skipped by a DST change moves forward). */
export function zonedTime(date: string, hour: number, minute: number, timeZone: string): Date {
  return dayIn(date, timeZone).set({ hour, minute }).toJSDate();
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function dateIn(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toISODate()!;
}

/** A YYYY-MM-DD date moved by whole calendar days. */
export function addDays(date: string, days: number): string {
  return dayIn(date, "UTC").plus({ days }).toISODate()!;
}

export type DayRange = { date: string; days: number; timeZone: string; timeMin: string; timeMax: string };

/** `days` whole days from `date` (default: today in the zone) as instants for an API query. */
export function dayRange(options: { date?: string; days?: number; timeZone?: string; now: Date }): DayRange {
  const timeZone = resolveTimeZone(options.timeZone);
  const date = options.date || dateIn(options.now, timeZone);
  const days = Math.max(1, Math.floor(options.days ?? 1));
  const start = dayIn(date, timeZone).startOf("day");
  const end = start.plus({ days }).startOf("day");
  return { date, days, timeZone, timeMin: start.toUTC().toISO()!, timeMax: end.toUTC().toISO()! };
}

/** "09:30" in the zone. */
export function clockTime(iso: string, timeZone: string): string {
  return DateTime.fromISO(iso, { zone: timeZone }).toFormat("HH:mm");
}

/** "Wednesday 25 November 2026" for a YYYY-MM-DD date. */
export function longDate(date: string): string {
  return dayIn(date, "UTC").setLocale("en-GB").toFormat("cccc d LLLL yyyy");
}

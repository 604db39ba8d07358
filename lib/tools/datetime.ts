// Dates for people and models: now, a date shown in a time zone, and ISO 8601 durations added to a date.
// Zone arithmetic is luxon's: calendar units (years, months, weeks, days) move the wall clock of the time
// zone, so a day is 23 or 25 hours across a daylight-saving change; time units are exact.
import { DateTime, Duration } from "luxon";
import { canonicalTimeZone } from "./time-zone";

export class DateTimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DateTimeError";
  }
}

export const dateTimeOperations = ["now", "format", "add"] as const;
export type DateTimeOperation = (typeof dateTimeOperations)[number];

export type DateTimeRequest = {
  operation: DateTimeOperation;
  /** ISO 8601 date or date-time; defaults to now. */
  date?: string;
  /** An ISO 8601 duration for `add`, e.g. "P1DT2H", "-PT30M", "P2W". */
  duration?: string;
  timeZone?: string;
  locale?: string;
};

export type DateTimeResult = {
  iso: string;
  epochMs: number;
  timeZone: string;
  /** Wall-clock time in the time zone, "YYYY-MM-DD HH:mm:ss". */
  local: string;
  offset: string;
  weekday: string;
  /** A long, localised form for people. */
  text: string;
};

export function computeDateTime(request: DateTimeRequest, now: Date = new Date()): DateTimeResult {
  const timeZone = checkTimeZone(request.timeZone || "UTC");
  const base = request.date ? parseDate(request.date, timeZone) : now;
  const date = request.operation === "add" ? addDuration(base, requireDuration(request.duration), timeZone) : base;
  return describeDate(date, timeZone, request.locale || "en-US");
}

function checkTimeZone(timeZone: string): string {
  try {
    return canonicalTimeZone(timeZone);
  } catch (error) {
    throw new DateTimeError((error as RangeError).message);
  }
}

/** ISO 8601; a date or date-time without an offset is a wall-clock time in `timeZone`, not the server's. */
function parseDate(text: string, timeZone: string): Date {
  const parsed = DateTime.fromISO(text.trim(), { zone: timeZone, setZone: true });
  if (!parsed.isValid) throw new DateTimeError(`"${text}" is not an ISO 8601 date`);
  return parsed.toJSDate();
}

function requireDuration(duration: string | undefined): string {
  if (!duration) throw new DateTimeError('the add operation needs a duration such as "P1D" or "PT2H30M"');
  return duration;
}

const durationPattern =
  /^([+-])?(P(?:\d+(?:\.\d+)?[YMWD])*(?:T(?:\d+(?:\.\d+)?[HMS])+)?)$/i;

/**
 * Adds an ISO 8601 duration ("P1DT2H", "-PT30M", "P2W") in a time zone (default UTC): years, months, weeks
 * and days keep the wall-clock time (P1D from 12:00 on 2026-03-28 in Europe/Paris is 12:00 on 2026-03-29,
 * 23 hours later), hours, minutes and seconds are exact. Throws DateTimeError for anything else.
 */
export function addDuration(date: Date, duration: string, timeZone = "UTC"): Date {
  const match = durationPattern.exec(duration.trim());
  const parsed = match && match[2]!.length > 1 ? Duration.fromISO(match[2]!.toUpperCase()) : undefined;
  if (!parsed?.isValid) throw new DateTimeError(`"${duration}" is not an ISO 8601 duration (e.g. "P1DT2H", "-PT30M")`);
  const start = DateTime.fromJSDate(date, { zone: timeZone });
  const moved = match![1] === "-" ? start.minus(parsed) : start.plus(parsed);
  return moved.toJSDate();
}

function describeDate(date: Date, timeZone: string, locale: string): DateTimeResult {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      weekday: "long",
      timeZoneName: "longOffset",
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  let text: string;
  try {
    text = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: "full", timeStyle: "long" }).format(date);
  } catch {
    throw new DateTimeError(`unknown locale "${locale}"`);
  }
  return {
    iso: date.toISOString(),
    epochMs: date.getTime(),
    timeZone,
    local: `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`,
    offset: parts.timeZoneName === "GMT" ? "+00:00" : String(parts.timeZoneName).replace("GMT", ""),
    weekday: String(parts.weekday),
    text,
  };
}

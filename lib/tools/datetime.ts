// Dates for people and models: now, a date shown in a time zone, and ISO 8601 durations added to a date.
// Time zones come from Intl, so any IANA zone the runtime knows works without a date library.
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
  const base = request.date ? parseDate(request.date) : now;
  const date = request.operation === "add" ? addDuration(base, requireDuration(request.duration)) : base;
  return describeDate(date, timeZone, request.locale || "en-US");
}

function checkTimeZone(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone }).resolvedOptions().timeZone;
  } catch {
    throw new DateTimeError(`unknown time zone "${timeZone}" (use an IANA name such as "Europe/Paris")`);
  }
}

function parseDate(text: string): Date {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new DateTimeError(`"${text}" is not an ISO 8601 date`);
  return date;
}

function requireDuration(duration: string | undefined): string {
  if (!duration) throw new DateTimeError('the add operation needs a duration such as "P1D" or "PT2H30M"');
  return duration;
}

const durationPattern =
  /^([+-])?P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;

/** Calendar parts (years, months, days) move the UTC calendar; time parts add exact milliseconds. */
export function addDuration(date: Date, duration: string): Date {
  const match = durationPattern.exec(duration.trim());
  if (!match || duration.trim().replace(/^[+-]/, "").toUpperCase() === "P" || /T$/i.test(duration.trim())) {
    throw new DateTimeError(`"${duration}" is not an ISO 8601 duration (e.g. "P1DT2H", "-PT30M")`);
  }
  const sign = match[1] === "-" ? -1 : 1;
  const [years, months, weeks, days, hours, minutes, seconds] = match.slice(2).map((part) => Number(part ?? 0) * sign);
  const result = new Date(date.getTime());
  result.setUTCFullYear(result.getUTCFullYear() + years!, result.getUTCMonth() + months!, result.getUTCDate() + weeks! * 7 + days!);
  return new Date(result.getTime() + ((hours! * 60 + minutes!) * 60 + seconds!) * 1000);
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

// Calendar days in a time zone, with Intl only: "today in Europe/Paris" and the instants it starts and
// ends at, DST days included (a day may last 23 or 25 hours).
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An IANA zone, checked; empty means the runtime's own zone. */
export function resolveTimeZone(timeZone: string | undefined): string {
  if (!timeZone) return Intl.DateTimeFormat().resolvedOptions().timeZone;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone }).resolvedOptions().timeZone;
  } catch {
    throw new RangeError(`unknown time zone "${timeZone}" (use an IANA name such as "Europe/Paris")`);
  }
}

function partsIn(instant: number, timeZone: string): Record<string, number> {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  return Object.fromEntries(parts.filter((part) => part.type !== "literal").map((part) => [part.type, Number(part.value)]));
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = partsIn(instant, timeZone);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant a wall-clock time happens in a zone (the earlier one when the clock repeats). */
export function zonedTime(date: string, hour: number, minute: number, timeZone: string): Date {
  const match = datePattern.exec(date);
  if (!match) throw new RangeError(`"${date}" is not a date in YYYY-MM-DD form`);
  const wall = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), hour, minute);
  const first = wall - offsetAt(wall, timeZone);
  return new Date(wall - offsetAt(first, timeZone));
}

export function dateIn(instant: Date, timeZone: string): string {
  const parts = partsIn(instant.getTime(), timeZone);
  return `${parts.year}-${String(parts.month).padStart(2, "0")}-${String(parts.day).padStart(2, "0")}`;
}

export function addDays(date: string, days: number): string {
  const match = datePattern.exec(date);
  if (!match) throw new RangeError(`"${date}" is not a date in YYYY-MM-DD form`);
  const shifted = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days));
  return shifted.toISOString().slice(0, 10);
}

export type DayRange = { date: string; days: number; timeZone: string; timeMin: string; timeMax: string };

/** `days` whole days from `date` (default: today in the zone) as instants for an API query. */
export function dayRange(options: { date?: string; days?: number; timeZone?: string; now: Date }): DayRange {
  const timeZone = resolveTimeZone(options.timeZone);
  const date = options.date || dateIn(options.now, timeZone);
  if (!datePattern.test(date)) throw new RangeError(`"${date}" is not a date in YYYY-MM-DD form`);
  const days = Math.max(1, Math.floor(options.days ?? 1));
  const timeMin = zonedTime(date, 0, 0, timeZone).toISOString();
  const timeMax = zonedTime(addDays(date, days), 0, 0, timeZone).toISOString();
  return { date, days, timeZone, timeMin, timeMax };
}

/** "09:30" in the zone. */
export function clockTime(iso: string, timeZone: string): string {
  const parts = partsIn(new Date(iso).getTime(), timeZone);
  return `${String(parts.hour).padStart(2, "0")}:${String(parts.minute).padStart(2, "0")}`;
}

/** "Wednesday 25 November 2026" for a YYYY-MM-DD date. */
export function longDate(date: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "long", day: "numeric", month: "long", year: "numeric" })
    .format(new Date(`${date}T12:00:00Z`))
    .replace(",", "");
}

// Deterministic facts a brief should not leave to a model: which meetings overlap, which emails ask for
// an answer, and the order of the day.
import type { CalendarEvent, EmailSummary, EventConflict } from "./types";

const startMs = (event: CalendarEvent) => Date.parse(event.isAllDay ? `${event.start}T00:00:00Z` : event.start);
const endMs = (event: CalendarEvent) => Date.parse(event.isAllDay ? `${event.end}T00:00:00Z` : event.end);

/** All-day events first (they frame the day), then by start time, then by end. */
export function sortEvents(events: CalendarEvent[]): CalendarEvent[] {
  return [...events].sort(
    (left, right) => Number(right.isAllDay) - Number(left.isAllDay) || startMs(left) - startMs(right) || endMs(left) - endMs(right),
  );
}

/** Overlapping timed events; all-day entries (holidays, "working from home") clash with nothing. */
export function findConflicts(events: CalendarEvent[]): EventConflict[] {
  const timed = sortEvents(events).filter((event) => !event.isAllDay);
  const conflicts: EventConflict[] = [];
  for (const [index, first] of timed.entries()) {
    for (const second of timed.slice(index + 1)) {
      if (startMs(second) >= endMs(first)) break;
      const overlap = Math.min(endMs(first), endMs(second)) - startMs(second);
      conflicts.push({ firstId: first.id, secondId: second.id, first: first.title, second: second.title, overlapMinutes: Math.round(overlap / 60_000) });
    }
  }
  return conflicts;
}

const noReplySender = /no-?reply|do-?not-?reply|notifications?@|mailer-daemon|newsletter|digest@/i;
const askingPattern =
  /\?|\b(can|could|would|will) you\b|\bplease\b|\blet me know\b|\bconfirm\b|\bapprove\b|\brsvp\b|\bby (eod|end of day|tomorrow|monday|tuesday|wednesday|thursday|friday)\b|\bwaiting (on|for) you\b|\byour (input|feedback|thoughts)\b/i;

/** A cheap, explainable guess; the model sees it as a hint, not a verdict. */
export function looksLikeItNeedsReply(email: Pick<EmailSummary, "from" | "subject" | "snippet">): boolean {
  if (noReplySender.test(email.from)) return false;
  return askingPattern.test(`${email.subject}\n${email.snippet}`);
}

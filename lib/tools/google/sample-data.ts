// Made-up but realistic data for the "Use sample data" switch: a busy day with one overlap, and an inbox
// where some messages want an answer. Built for the requested day and time zone, so "today" looks like today.
import { looksLikeItNeedsReply } from "./analysis";
import { addDays, zonedTime } from "./day-range";
import type { CalendarEvent, EmailSummary } from "./types";

type SampleEvent = { title: string; from?: [number, number]; to?: [number, number]; location?: string; attendees: number; link?: string };

const sampleDay: SampleEvent[] = [
  { title: "Quarterly planning week", attendees: 0 },
  { title: "Team standup", from: [8, 30], to: [8, 45], attendees: 6, link: "https://meet.google.com/abc-defg-hij" },
  { title: "Design review: onboarding flow", from: [9, 0], to: [10, 0], location: "Room 4B", attendees: 5, link: "https://zoom.us/j/5551234567" },
  { title: "1:1 with Priya", from: [9, 30], to: [10, 0], attendees: 2, link: "https://meet.google.com/xyz-uvwx-rst" },
  { title: "Lunch with Sam", from: [12, 0], to: [13, 0], location: "Café Lumen, 12 Market Street", attendees: 2 },
  { title: "Focus time: Q1 roadmap draft", from: [14, 0], to: [15, 30], attendees: 0 },
  { title: "Vendor call: Acme Analytics renewal", from: [16, 0], to: [16, 30], attendees: 4, link: "https://teams.microsoft.com/l/meetup-join/sample" },
];

/** The sample day on `date` in `timeZone`. */
export function sampleCalendarEvents(date: string, timeZone: string): CalendarEvent[] {
  return sampleDay.map((sample, index) => {
    const isAllDay = !sample.from || !sample.to;
    const at = (time: [number, number]) => zonedTime(date, time[0], time[1], timeZone).toISOString();
    return {
      id: `sample-event-${index + 1}`,
      calendarId: "primary",
      title: sample.title,
      start: isAllDay ? date : at(sample.from!),
      end: isAllDay ? addDays(date, 1) : at(sample.to!),
      isAllDay,
      ...(sample.location ? { location: sample.location } : {}),
      attendeeCount: sample.attendees,
      ...(sample.link ? { meetingLink: sample.link } : {}),
    };
  });
}

type SampleEmail = { from: string; subject: string; snippet: string; hoursAgo: number };

const sampleInbox: SampleEmail[] = [
  {
    from: "Priya Shah <priya@example.com>",
    subject: "Q1 roadmap draft",
    snippet: "Hi! Could you review the roadmap draft before Friday's planning session? The open questions are in section 3.",
    hoursAgo: 2,
  },
  {
    from: "Marco Rossi <marco@acme-analytics.example>",
    subject: "Contract renewal: seat count",
    snippet: "Ahead of our call today, please confirm the number of seats you need for next year so we can prepare the quote.",
    hoursAgo: 5,
  },
  {
    from: "GitHub <notifications@github.com>",
    subject: "[osmen/studio] Pull request #142 merged",
    snippet: "Merged #142 into main: add the Daily Brief template. 3 files changed.",
    hoursAgo: 7,
  },
  {
    from: "Lena Fischer <lena@example.com>",
    subject: "Team offsite dates",
    snippet: "We are choosing between the weeks of 12 and 19 January. Which one works for you? I need answers by Thursday.",
    hoursAgo: 11,
  },
  {
    from: "Stripe <no-reply@stripe.com>",
    subject: "Your receipt from Example Cloud",
    snippet: "Amount paid: $49.00. Thanks for your business!",
    hoursAgo: 16,
  },
  {
    from: "Sam Lee <sam@example.com>",
    subject: "Lunch",
    snippet: "I booked Café Lumen for noon. See you there!",
    hoursAgo: 20,
  },
];

/** The sample inbox as of `now`: everything unread and from the last 24 hours. */
export function sampleEmails(now: Date, maxResults = sampleInbox.length): EmailSummary[] {
  return sampleInbox.slice(0, maxResults).map((sample, index) => ({
    id: `sample-message-${index + 1}`,
    threadId: `sample-thread-${index + 1}`,
    from: sample.from,
    subject: sample.subject,
    date: new Date(now.getTime() - sample.hoursAgo * 3_600_000).toISOString(),
    snippet: sample.snippet,
    isUnread: true,
    needsReply: looksLikeItNeedsReply(sample),
  }));
}

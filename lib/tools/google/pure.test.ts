import { describe, expect, it } from "vitest";
import { findConflicts, looksLikeItNeedsReply, sortEvents } from "./analysis";
import { dayRange, zonedTime } from "./day-range";
import { calendarStatus, describeCalendar, describeInbox, gmailStatus } from "./digest";
import { sampleCalendarEvents, sampleEmails } from "./sample-data";
import { toGoogleError } from "./errors";

describe("dayRange", () => {
  it("is today in the zone by default, from local midnight to local midnight", () => {
    const range = dayRange({ timeZone: "America/New_York", now: new Date("2026-11-25T03:00:00Z") });
    expect(range).toMatchObject({ date: "2026-11-24", timeMin: "2026-11-24T05:00:00.000Z", timeMax: "2026-11-25T05:00:00.000Z" });
  });

  it("handles a 25-hour day when clocks go back", () => {
    const range = dayRange({ date: "2026-10-25", timeZone: "Europe/Paris", now: new Date() });
    expect(Date.parse(range.timeMax) - Date.parse(range.timeMin)).toBe(25 * 3_600_000);
    expect(zonedTime("2026-10-25", 9, 0, "Europe/Paris").toISOString()).toBe("2026-10-25T08:00:00.000Z");
  });

  it("rejects an unknown zone with a readable message", () => {
    expect(() => dayRange({ timeZone: "Mars/Olympus", now: new Date() })).toThrowError(/unknown time zone "Mars\/Olympus"/);
  });
});

describe("the sample day and inbox", () => {
  const events = sampleCalendarEvents("2026-11-25", "Europe/Paris");

  it("has an all-day entry and exactly one overlap", () => {
    expect(events.some((event) => event.isAllDay)).toBe(true);
    expect(findConflicts(events)).toEqual([
      expect.objectContaining({ first: "Design review: onboarding flow", second: "1:1 with Priya", overlapMinutes: 30 }),
    ]);
  });

  it("has emails that need a reply and some that do not", () => {
    const emails = sampleEmails(new Date("2026-11-25T08:00:00Z"));
    const needing = emails.filter((email) => email.needsReply).map((email) => email.subject);
    expect(needing).toEqual(["Q1 roadmap draft", "Contract renewal: seat count", "Team offsite dates"]);
    expect(emails.every((email) => Date.parse(email.date) > Date.parse("2026-11-24T08:00:00Z"))).toBe(true);
  });

  it("renders the schedule in time order with the conflict flagged", () => {
    const sorted = sortEvents(events);
    const data = { source: "google_calendar" as const, isSample: true, date: "2026-11-25", days: 1, timeZone: "Europe/Paris", events: sorted, conflicts: findConflicts(sorted) };
    const text = describeCalendar(data);
    expect(text).toMatch(/^Calendar for Wednesday 25 November 2026 \(Europe\/Paris\) \(sample data/);
    expect(text.indexOf("08:30–08:45 Team standup")).toBeLessThan(text.indexOf("16:00–16:30 Vendor call"));
    expect(text).toContain('09:30–10:00 1:1 with Priya (2 attendees; link: https://meet.google.com/xyz-uvwx-rst; CONFLICT with "Design review: onboarding flow")');
    expect(calendarStatus(data)).toBe("Google Calendar: 7 events on Wednesday 25 November 2026 — sample data");
  });

  it("says when the day is empty or a source failed", () => {
    const empty = { source: "google_calendar" as const, isSample: false, date: "2026-11-25", days: 1, timeZone: "UTC", events: [], conflicts: [] };
    expect(describeCalendar(empty)).toContain("No events: the day is free.");
    expect(calendarStatus(empty)).toBe("Google Calendar: no events on Wednesday 25 November 2026");
    const failed = { source: "gmail" as const, isSample: false, query: "is:unread", emails: [], error: "Gmail answered with an error (503); try again later." };
    expect(gmailStatus(failed)).toBe("Gmail could not be read: Gmail answered with an error (503); try again later.");
    expect(describeInbox(failed, "UTC")).toContain("The inbox could not be read");
  });
});

describe("looksLikeItNeedsReply and toGoogleError", () => {
  it("skips no-reply senders even when they ask questions", () => {
    expect(looksLikeItNeedsReply({ from: "no-reply@x.com", subject: "Rate us?", snippet: "" })).toBe(false);
    expect(looksLikeItNeedsReply({ from: "bob@x.com", subject: "Status", snippet: "Please confirm the date" })).toBe(true);
  });

  it("maps a network failure without leaking internals", () => {
    const error = toGoogleError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }), "Gmail");
    expect(error.message).toBe("Could not reach Gmail (ECONNREFUSED); check the network and try again.");
  });
});

import { describe, expect, it } from "vitest";
import { addDuration, computeDateTime, DateTimeError } from "./datetime";

const now = new Date("2026-03-28T23:30:00Z");

describe("datetime", () => {
  it("gives now in a time zone, with offset and weekday", () => {
    expect(computeDateTime({ operation: "now", timeZone: "Europe/Paris" }, now)).toMatchObject({
      iso: "2026-03-28T23:30:00.000Z",
      local: "2026-03-29 00:30:00",
      offset: "+01:00",
      weekday: "Sunday",
      timeZone: "Europe/Paris",
    });
    expect(computeDateTime({ operation: "now" }, now)).toMatchObject({ timeZone: "UTC", offset: "+00:00", local: "2026-03-28 23:30:00" });
  });

  it("formats a given date across a daylight-saving change", () => {
    expect(computeDateTime({ operation: "format", date: "2026-03-29T12:00:00Z", timeZone: "Europe/Paris" }, now)).toMatchObject({ local: "2026-03-29 14:00:00", offset: "+02:00" });
    expect(computeDateTime({ operation: "format", date: "2026-07-01T12:00:00Z", timeZone: "America/New_York", locale: "de-DE" }, now).text).toContain("Juli");
  });

  it("adds ISO 8601 durations, calendar parts on the calendar", () => {
    expect(addDuration(new Date("2026-01-15T10:00:00Z"), "P1M2DT3H30M").toISOString()).toBe("2026-02-17T13:30:00.000Z");
    expect(addDuration(new Date("2026-01-15T10:00:00Z"), "-P2W").toISOString()).toBe("2026-01-01T10:00:00.000Z");
    expect(addDuration(new Date("2024-02-28T00:00:00Z"), "P1Y").toISOString()).toBe("2025-02-28T00:00:00.000Z");
    expect(computeDateTime({ operation: "add", duration: "PT90S" }, now).iso).toBe("2026-03-28T23:31:30.000Z");
  });

  it("adds calendar days on the zone's wall clock across daylight-saving changes, time units exactly", () => {
    const paris = (date: string, duration: string) => computeDateTime({ operation: "add", date, duration, timeZone: "Europe/Paris" }, now);
    expect(paris("2026-03-28T12:00", "P1D")).toMatchObject({ local: "2026-03-29 12:00:00", offset: "+02:00", iso: "2026-03-29T10:00:00.000Z" });
    expect(paris("2026-03-28T12:00", "PT24H").local).toBe("2026-03-29 13:00:00");
    expect(paris("2026-10-24T12:00:00+02:00", "P1D")).toMatchObject({ local: "2026-10-25 12:00:00", offset: "+01:00" });
    expect(paris("2026-03-29T12:00", "-P1D").local).toBe("2026-03-28 12:00:00");
    expect(computeDateTime({ operation: "add", date: "2026-03-07T09:00", duration: "P1W", timeZone: "America/Los_Angeles" }, now).local).toBe("2026-03-14 09:00:00");
    expect(addDuration(new Date("2026-03-28T11:00:00Z"), "P1D", "Europe/Paris").toISOString()).toBe("2026-03-29T10:00:00.000Z");
  });

  it("reads a date-time without an offset in the requested zone, not the server's", () => {
    expect(computeDateTime({ operation: "format", date: "2026-07-01T18:00", timeZone: "America/Los_Angeles" }, now)).toMatchObject({
      iso: "2026-07-02T01:00:00.000Z",
      local: "2026-07-01 18:00:00",
    });
  });

  it.each([
    [{ operation: "now", timeZone: "Mars/Olympus" }, "unknown time zone"],
    [{ operation: "format", date: "next tuesday" }, "not an ISO 8601 date"],
    [{ operation: "add" }, "needs a duration"],
    [{ operation: "add", duration: "P" }, "not an ISO 8601 duration"],
    [{ operation: "add", duration: "1 day" }, "not an ISO 8601 duration"],
  ] as const)("rejects %j", (request, message) => {
    expect(() => computeDateTime(request as never, now)).toThrow(DateTimeError);
    expect(() => computeDateTime(request as never, now)).toThrow(message);
  });
});

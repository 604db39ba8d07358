import { describe, expect, it } from "vitest";
import { formatRelativeTime } from "./format-time";

describe("formatRelativeTime", () => {
  const now = new Date("2026-01-10T12:00:00Z");
  it("says just now under a minute", () => {
    expect(formatRelativeTime(new Date("2026-01-10T11:59:30Z"), now)).toBe("just now");
  });
  it("picks the largest whole unit", () => {
    expect(formatRelativeTime(new Date("2026-01-10T11:55:00Z"), now)).toBe("5 minutes ago");
    expect(formatRelativeTime(new Date("2026-01-10T09:00:00Z"), now)).toBe("3 hours ago");
    expect(formatRelativeTime(new Date("2026-01-09T12:00:00Z"), now)).toBe("yesterday");
  });
});

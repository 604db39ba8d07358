import { describe, expect, it } from "vitest";
import { describeLastRun } from "./last-run";

const now = new Date("2026-11-30T12:00:00.000Z");

describe("a flow card's last run", () => {
  it("is absent for a flow never run", () => {
    expect(describeLastRun(null, now)).toBeNull();
  });

  it("dates a finished run by its end and colours it by outcome", () => {
    const run = { status: "succeeded", createdAt: new Date("2026-11-30T09:00:00.000Z"), finishedAt: new Date("2026-11-30T10:00:00.000Z") };
    expect(describeLastRun(run, now)).toEqual({ label: "Succeeded", tone: "ok", at: run.finishedAt, when: "2 hours ago" });
    expect(describeLastRun({ ...run, status: "failed" }, now)).toMatchObject({ label: "Failed", tone: "error" });
    expect(describeLastRun({ ...run, status: "cancelled" }, now)).toMatchObject({ label: "Cancelled", tone: "warn" });
    expect(describeLastRun({ ...run, status: "interrupted" }, now)).toMatchObject({ label: "Interrupted", tone: "error" });
  });

  it("dates a run still going by its start", () => {
    const run = { status: "running", createdAt: new Date("2026-11-30T11:57:00.000Z"), finishedAt: null };
    expect(describeLastRun(run, now)).toMatchObject({ label: "Running", tone: "busy", when: "3 minutes ago" });
  });

  it("shows an unknown status as it is", () => {
    expect(describeLastRun({ status: "paused", createdAt: now, finishedAt: null }, now)).toMatchObject({ label: "paused", tone: "warn" });
  });
});

// How a flow card words its latest run: the status, a tone for its colour, and when it ended (or began).
import { statusLabel } from "@/components/run/run-format";
import type { RunLifecycle } from "@/lib/engine/run-state";
import { formatRelativeTime } from "@/lib/format-time";

/** The latest run as the flow list sends it. */
export type LastRunSummary = { status: string; createdAt: Date; finishedAt: Date | null };

export type LastRunTone = "ok" | "error" | "warn" | "busy";
export type LastRunView = { label: string; tone: LastRunTone; at: Date; when: string };

const tones: Record<RunLifecycle, LastRunTone> = {
  succeeded: "ok",
  failed: "error",
  interrupted: "error",
  cancelled: "warn",
  queued: "busy",
  running: "busy",
};

const isLifecycle = (status: string): status is RunLifecycle => status in tones;

/** Null for a flow never run. A finished run is dated by its end, one still going by its start. */
export function describeLastRun(run: LastRunSummary | null, now: Date = new Date()): LastRunView | null {
  if (!run) return null;
  const at = run.finishedAt ?? run.createdAt;
  const label = isLifecycle(run.status) ? statusLabel(run.status) : run.status;
  return { label, tone: isLifecycle(run.status) ? tones[run.status] : "warn", at, when: formatRelativeTime(at, now) };
}

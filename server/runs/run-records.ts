// Run rows and their events, mapped to what the API and the canvas see.
import type { FailureKind, RunEvent } from "@/lib/engine/events";
import { foldRunEvents, type NodeRunState, type RunLifecycle } from "@/lib/engine/run-state";
import type { Run as RunRow } from "@/server/db/generated/sqlite/client";

export type RunSummary = {
  id: string;
  flowId: string;
  flowVersion: number;
  status: RunLifecycle;
  source: string;
  /** The chat session whose message the run answered; null outside a chat. */
  sessionId: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  durationMs: number | null;
  usage: { inputTokens: number; outputTokens: number };
  /** `errorKind` and `hint` when a provider failure ended the run (see lib/engine/errors.ts). */
  error: { code: string; message: string; nodeId?: string; errorKind?: FailureKind; hint?: string } | null;
  /** Kept whatever the retention policy says. */
  pinned: boolean;
};

export type RunDetail = RunSummary & {
  input: unknown;
  output: unknown;
  lastSeq: number;
  nodes: Record<string, NodeRunState>;
};

export function toRunSummary(row: RunRow): RunSummary {
  return {
    id: row.id,
    flowId: row.flowId,
    flowVersion: row.flowVersion,
    status: row.status as RunLifecycle,
    source: row.source,
    sessionId: row.sessionId,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    durationMs: row.startedAt && row.finishedAt ? row.finishedAt.getTime() - row.startedAt.getTime() : null,
    usage: { inputTokens: row.inputTokens, outputTokens: row.outputTokens },
    error: (row.error as RunSummary["error"]) ?? null,
    pinned: row.pinned,
  };
}

export function toRunDetail(row: RunRow, events: RunEvent[]): RunDetail {
  const state = foldRunEvents(events);
  return { ...toRunSummary(row), input: row.input ?? null, output: row.output ?? null, lastSeq: row.lastSeq, nodes: state.nodes };
}

/** The engine's outcome in the vocabulary of stored runs. */
export function lifecycleOf(engineStatus: "completed" | "failed" | "cancelled"): RunLifecycle {
  return engineStatus === "completed" ? "succeeded" : engineStatus;
}

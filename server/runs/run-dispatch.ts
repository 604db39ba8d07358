// Where stored runs execute, and how their live events reach watchers: in this process (local-runs.ts, the
// default) or on queue workers through Redis (server/queue/queued-runs.ts). The run service stores, checks
// access and reads history the same way in both; only what is behind this interface differs, so the canvas
// and the HTTP API cannot tell the modes apart.
import type { RunEvent } from "@/lib/engine/events";
import type { Plan } from "@/lib/flow/plan";
import type { Run as RunRow } from "@/server/db/generated/sqlite/client";
import type { RunGiven } from "./run-execution.ts";

/** Runs executing and runs waiting to, as the metrics report them. */
export type RunStats = { running: number; queued: number };

/** A place held for a run about to be stored (RunDispatcher.admit). */
export type RunAdmission = {
  /** The status to store the run with: `running` when it starts at once in this process. */
  status: "queued" | "running";
  /**
   * Hands the stored run over to execute. Resolves once it is handed over, not when it ends.
   * @throws when it cannot be handed over (Redis unreachable); the run is then stored `failed`.
   */
  dispatch(run: RunRow, plan: Plan, given: RunGiven): Promise<void>;
  /** Gives the place back unused (the run could not be stored). */
  withdraw(): Promise<void>;
};

export type RunDispatcher = {
  /**
   * Holds a place for a run that will be stored as `runId`, or answers null when the queue is full
   * (OSMEN_MAX_QUEUED_RUNS) so the start is refused before anything is stored.
   */
  admit(runId: string): Promise<RunAdmission | null>;
  /** Stops a run wherever it executes (access already checked); a run that has not started ends `cancelled`. */
  cancel(run: RunRow): Promise<void>;
  /** The run's events after `afterSeq`, stored then live, each exactly once, ending with its last event. */
  events(runId: string, afterSeq: number, signal?: AbortSignal): AsyncGenerator<RunEvent>;
  /**
   * The finished row of a run this process executes, once it is finished (spares a read after following
   * the run); undefined when this process does not execute it.
   */
  finishedRow(runId: string): Promise<RunRow | undefined> | undefined;
  /** Who started a run this process executes, so following it needs no access query; undefined otherwise. */
  starterOf(runId: string): string | undefined;
  stats(): RunStats | Promise<RunStats>;
  /** Resolves when every run this process started so far has finished (tests and shutdown). */
  idle(): Promise<void>;
};

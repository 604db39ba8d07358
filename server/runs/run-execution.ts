// Executing one stored run on the engine: the part of a run that is the same wherever it executes, in the
// process that stored it (server/runs/local-runs.ts) or on a queue worker (server/queue/run-worker.ts).
// Every event goes to the caller's live channel, to storage (run-event-writer.ts) and to the observer; the
// run's row is finished once its events are stored, so a row that reads finished has all of its events, and
// the last event goes out live only after that, so whoever sees the run end reads its final row.
import { execute as executePlan, type ExecuteOptions } from "@/lib/engine";
import { terminalEventTypes, type RunEvent } from "@/lib/engine/events";
import type { RunLifecycle } from "@/lib/engine/run-state";
import type { Plan } from "@/lib/flow/plan";
import type { Db } from "@/server/db/client";
import type { Run as RunRow } from "@/server/db/generated/sqlite/client";
import { getLogger } from "@/server/log/logger";
import { createRunEventWriter, type RunEventWriter } from "./run-event-writer.ts";
import { lifecycleOf } from "./run-records.ts";
import { createRunRows, type RunRows } from "./run-rows.ts";

/** The run an observer is told about: enough to label metrics and log lines, nothing the user typed. */
export type ObservedRun = { runId: string; flowId: string; userId: string; source: string };

/**
 * Sees what runs do, for metrics and logs: every event as it is emitted, and each run's final stored status
 * once its row is written. Called synchronously; a throw is caught and never affects the run.
 */
export type RunObserver = {
  onEvent?(run: ObservedRun, event: RunEvent): void;
  onRunEnd?(run: ObservedRun, status: RunLifecycle): void;
};

/** What the engine is given for a run, per run user (credential lookups go through that user only). */
export type RunExecutionOptions = {
  runTimeoutMs: number;
  nodeTimeoutMs?: number;
  /**
   * Model resolution for a run, given the id of the user it runs as and the run's id (for provider-call logs).
   * Default: the provider layer without stored credentials.
   */
  providers?: (runUserId: string, runId: string) => ExecuteOptions["providers"];
  /** The connected accounts a run's nodes may read (lib/tools/integrations.ts), made per run as the run's user. */
  integrations?: (runUserId: string) => ExecuteOptions["integrations"];
  /** The run user's stored credentials for nodes other than models (an MCP server's key). Default: none. */
  credentials?: (runUserId: string) => ExecuteOptions["resolveCredential"];
  /** Told every event and each run's end (server/metrics, server/log). Default: none. */
  observer?: RunObserver;
};

/** What a run is given besides its graph: its input and the conversation before it. */
export type RunGiven = Pick<ExecuteOptions, "input" | "history">;

/** Where a run's events go live as they are emitted (the in-process hub, or a Redis stream). */
export type PublishEvent = (event: RunEvent) => void;

/** The error code, message and stored status of a run its process gave up on (server/runs/recover-interrupted.ts too). */
export const INTERRUPTED = "interrupted";

export type RunExecution = {
  /** Runs this process is executing now (osmen_runs_in_progress). */
  readonly running: number;
  rows: RunRows;
  writer: RunEventWriter;
  /**
   * Executes a stored run to its end and finishes its row; a run stored `queued` (no `startedAt`) is marked
   * running first. Never
   * throws: a failure outside the engine finishes the row `failed`. An abort of `signal` whose reason is an
   * EngineError with code "interrupted" ends the run `interrupted`. Settles with the finished row, or
   * undefined when the run ended outside the engine.
   */
  execute(run: RunRow, plan: Plan, given: RunGiven, signal: AbortSignal, publish: PublishEvent): Promise<RunRow | undefined>;
  /** Ends a run that never started, `cancelled`, with its one event. */
  finishCancelledBeforeStart(run: RunRow, publish: PublishEvent): Promise<void>;
  /** Ends a run that could not start (its flow cannot run any more), `failed`, with its one event. */
  finishFailedBeforeStart(run: RunRow, failure: { code: string; message: string }, publish: PublishEvent): Promise<void>;
};

export function createRunExecution(db: Db, options: RunExecutionOptions): RunExecution {
  const logger = getLogger();
  const rows = createRunRows(db);
  const writer = createRunEventWriter(rows.insertEventRows, (error, events) => logger.error({ err: error, events: events.length }, "storing run events failed"));
  let running = 0;

  /** An observer's mistake must never fail a run: it is reported and the run goes on. */
  function notify(call: (observer: RunObserver) => void) {
    if (!options.observer) return;
    try {
      call(options.observer);
    } catch (error) {
      logger.error({ err: error }, "a run observer failed");
    }
  }

  const observedOf = (run: RunRow): ObservedRun => ({ runId: run.id, flowId: run.flowId, userId: run.userId, source: run.source });

  function settings(userId: string, runId: string): Partial<ExecuteOptions> {
    return {
      providers: options.providers?.(userId, runId),
      integrations: options.integrations?.(userId),
      resolveCredential: options.credentials?.(userId),
      runTimeoutMs: options.runTimeoutMs,
      nodeTimeoutMs: options.nodeTimeoutMs,
    };
  }

  async function execute(run: RunRow, plan: Plan, given: RunGiven, signal: AbortSignal, publish: PublishEvent): Promise<RunRow | undefined> {
    const { id: runId, userId } = run;
    const observed = observedOf(run);
    // The run's last event goes out once its row is finished, so whoever sees the run end reads its final row.
    let last: RunEvent | undefined;
    const emit = (event: RunEvent) => {
      if (terminalEventTypes.has(event.type)) last = event;
      else publish(event);
      writer.write(event);
      notify((observer) => observer.onEvent?.(observed, event));
    };
    let finalStatus: RunLifecycle = "failed";
    running += 1;
    try {
      let startedAt = run.startedAt;
      if (!startedAt) await rows.markRunning(runId, (startedAt = new Date()));
      const result = await executePlan(plan, { ...settings(userId, runId), runId, ...given, signal, onEvent: emit });
      finalStatus = result.error?.code === INTERRUPTED ? INTERRUPTED : lifecycleOf(result.status);
      await writer.flushed(runId);
      const outcome = {
        status: finalStatus,
        lastSeq: result.lastSeq,
        output: result.output ?? null,
        error: result.error ?? null,
        inputTokens: result.usage.inputTokens,
        outputTokens: result.usage.outputTokens,
        finishedAt: new Date(),
      };
      await rows.finishRun(runId, outcome);
      if (last) publish(last);
      return { ...run, ...outcome, startedAt, output: outcome.output as RunRow["output"], error: outcome.error as RunRow["error"] };
    } catch (error) {
      logger.error({ err: error, runId }, "run failed outside the engine");
      finalStatus = "failed";
      await db.prisma.run
        .update({ where: { id: runId }, data: { status: "failed", error: { code: "internal", message: "The run stopped because of a server error." }, finishedAt: new Date() } })
        .catch(() => undefined);
      if (last) publish(last);
      return undefined;
    } finally {
      running -= 1;
      notify((observer) => observer.onRunEnd?.(observed, finalStatus));
    }
  }

  async function finishBeforeStart(run: RunRow, status: "cancelled" | "failed", event: RunEvent, error: { code: string; message: string }, publish: PublishEvent) {
    writer.write(event);
    await writer.flushed(run.id);
    await db.prisma.run.update({ where: { id: run.id }, data: { status, lastSeq: 1, error, finishedAt: new Date() } });
    // Published once stored, like every run's last event, so a watcher that reads the row next finds it final.
    publish(event);
    notify((observer) => observer.onRunEnd?.(observedOf(run), status));
  }

  return {
    get running() {
      return running;
    },
    rows,
    writer,
    execute,
    finishCancelledBeforeStart(run, publish) {
      const reason = "The run was cancelled before it started.";
      const event: RunEvent = { runId: run.id, seq: 1, at: new Date().toISOString(), type: "run.cancelled", reason, durationMs: 0 };
      return finishBeforeStart(run, "cancelled", event, { code: "cancelled", message: reason }, publish);
    },
    finishFailedBeforeStart(run, failure, publish) {
      const event: RunEvent = { runId: run.id, seq: 1, at: new Date().toISOString(), type: "run.failed", ...failure, durationMs: 0 };
      return finishBeforeStart(run, "failed", event, failure, publish);
    },
  };
}

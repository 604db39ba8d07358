// Runs: stored with the flow version they run (its graph is kept as the flow or a FlowVersion), executed in
// the background on the engine under a concurrency limit, every event stored and fanned out live. A node's
// failure is an event; so is the end.
// A run belongs to the user who started it: it runs with their credentials and connected accounts only, and
// is readable by them and by the flow's owner; its events follow the run. The composition root (server/app.ts)
// builds one per process and hands it the flow service and the per-user lookups it needs.
import { AppError } from "@/lib/errors";
import { execute, type ExecuteOptions } from "@/lib/engine";
import type { RunEvent } from "@/lib/engine/events";
import { compile } from "@/lib/flow/compile";
import { credentialIdsOf } from "@/lib/flow/credential-refs";
import type { CredentialMap } from "@/lib/flow/node-kind";
import type { ChatHistory } from "@/lib/flow/chat-history";
import type { Plan } from "@/lib/flow/plan";
import type { RunLifecycle } from "@/lib/engine/run-state";
import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import type { FlowService } from "@/server/services/flow-service";
import { eventsAfter } from "./run-event-rows.ts";
import { createRunEventWriter } from "./run-event-writer.ts";
import { createRunRows } from "./run-rows.ts";
import { streamRunEvents } from "./run-event-stream.ts";
import { createRunHub } from "./run-hub.ts";
import { lifecycleOf, toRunDetail, toRunSummary, type RunDetail, type RunSummary } from "./run-records.ts";
import type { Run as RunRow } from "@/server/db/generated/sqlite/client";
import { createRunSlots, type RunSlotTicket } from "./run-slots.ts";

/** What a run service is built on: its database, and the flow service that decides who may run or read a flow. */
export type RunServiceDependencies = { db: Db; flows: Pick<FlowService, "get" | "getStored"> };

export type RunServiceOptions = {
  maxConcurrentRuns: number;
  /** Runs that may wait for a slot; a start past it is refused with 429 (OSMEN_MAX_QUEUED_RUNS). Default: no bound. */
  maxQueuedRuns?: number;
  runTimeoutMs: number;
  nodeTimeoutMs?: number;
  /**
   * Model resolution for a run, given the id of the user it runs as: credential lookups must go through
   * that user only (tests pass a scripted provider). Default: the provider layer without stored credentials.
   */
  providers?: (runUserId: string) => ExecuteOptions["providers"];
  /**
   * The connected accounts a run's nodes may read (lib/tools/integrations.ts), made per run as the run's user
   * (a connection may change between runs). Default: none, so nodes that need one say it is not connected.
   */
  integrations?: (runUserId: string) => ExecuteOptions["integrations"];
  /** The run user's stored credentials for nodes other than models (an MCP server's key). Default: none. */
  credentials?: (runUserId: string) => ExecuteOptions["resolveCredential"];
  /**
   * Kind and endpoint of the run user's credentials a flow names (no secrets): a run whose model node pairs
   * a credential with another provider or Base URL is refused before it starts. Unset: only the run-time
   * check applies.
   */
  describeCredentials?: (runUserId: string, ids: string[]) => Promise<CredentialMap>;
  /** Told every event and each run's end (server/metrics, server/log). Default: none. */
  observer?: RunObserver;
};

/** The run an observer is told about: enough to label metrics and log lines, nothing the user typed. */
export type ObservedRun = { runId: string; flowId: string; userId: string; source: string };

/**
 * Sees what this service's runs do, for metrics and logs: every event as it is emitted, and each run's final
 * stored status once its row is written. Called synchronously; a throw is caught and never affects the run.
 */
export type RunObserver = {
  onEvent?(run: ObservedRun, event: RunEvent): void;
  onRunEnd?(run: ObservedRun, status: RunLifecycle): void;
};

export type StartRunInput = {
  flowId: string;
  input: unknown;
  source?: string;
  /** The chat session whose message `input` is (stored on the run); its earlier messages come as `history`. */
  sessionId?: string;
  /** The conversation before `input`, oldest first: what a flow's memory node passes on. Default: none. */
  history?: ChatHistory;
};

/** How long a client refused by a full queue should wait before trying again, in seconds. */
const QUEUE_FULL_RETRY_AFTER_SECONDS = 10;

const queueFull = () =>
  new AppError("TOO_MANY_REQUESTS", "the run queue is full", {
    userMessage: "Too many runs are waiting to start. Try again in a few seconds.",
    details: { retryAfterSeconds: QUEUE_FULL_RETRY_AFTER_SECONDS },
  });

const runNotFound = (runId: string) => new AppError("NOT_FOUND", `run "${runId}" does not exist`, { userMessage: "This run does not exist." });

/** Prisma `where` for the runs the caller may read: those they started, and every run of the flows they own. */
const readableRunsWhere = (caller: Caller) => ({ OR: [{ userId: caller.userId }, { flow: { ownerId: caller.userId } }] });

export function createRunService({ db, flows }: RunServiceDependencies, options: RunServiceOptions) {
  const { prisma } = db;
  const hub = createRunHub();
  const slots = createRunSlots(options.maxConcurrentRuns, options.maxQueuedRuns);
  const controllers = new Map<string, AbortController>();
  const rows = createRunRows(db);
  const writer = createRunEventWriter(rows.insertEventRows, (error, events) => console.error(`[runs] storing ${events.length} event(s) failed:`, error));
  /** The runs this process is executing, by id: each settles with the run's final row (undefined if that is unknown). */
  const background = new Map<string, Promise<RunRow | undefined>>();
  /** Who started each run this process is executing: they may always read it, so following it asks the database nothing. */
  const starters = new Map<string, string>();

  /** Starts a run of a flow the caller can read (owner or member), as the caller. @throws AppError NOT_FOUND otherwise. */
  async function start(caller: Caller, { flowId, input, source = "canvas", sessionId, history = [] }: StartRunInput): Promise<{ runId: string; status: "queued" }> {
    // As stored: a viewer's copy lacks the graph's secrets, but the run is the flow as its owner made it.
    const flow = await flows.getStored(caller, flowId);
    const credentials = await options.describeCredentials?.(caller.userId, credentialIdsOf(flow.graph));
    const { plan, diagnostics } = compile(flow.graph, { credentials });
    if (!plan) {
      const errors = diagnostics.filter((diagnostic) => diagnostic.severity === "error");
      throw new AppError("UNPROCESSABLE_CONTENT", `flow "${flowId}" has ${errors.length} error(s)`, {
        userMessage: `This flow cannot run until its problems are fixed: ${errors.map((error) => error.message).join(" ")}`,
        details: { diagnostics },
      });
    }
    const ticket = slots.reserve();
    if (!ticket) throw queueFull();
    // With a slot free, the run is stored as running at once: one write instead of a queued row and an update.
    const releaseSlot = ticket.acquireNow();
    const now = new Date();
    const run = await rows
      .insertRun({
        userId: caller.userId,
        flowId,
        flowVersion: flow.version,
        status: releaseSlot ? "running" : "queued",
        startedAt: releaseSlot ? now : null,
        source,
        sessionId: sessionId ?? null,
        input,
        createdAt: now,
      })
      .catch((error: unknown) => {
        if (releaseSlot) releaseSlot();
        else ticket.cancel();
        throw error;
      });
    hub.open(run.id);
    const controller = new AbortController();
    controllers.set(run.id, controller);
    starters.set(run.id, caller.userId);
    const task = runInBackground(run, plan, { input, history }, controller, releaseSlot ?? ticket).finally(() => {
      background.delete(run.id);
      starters.delete(run.id);
    });
    background.set(run.id, task);
    return { runId: run.id, status: "queued" };
  }

  /**
   * `slot`: the release function of the slot the run already holds, or the ticket to wait for one with.
   * Settles with the run's final row, or undefined when the run ended outside the engine.
   */
  async function runInBackground(
    run: RunRow,
    plan: Plan,
    given: Pick<ExecuteOptions, "input" | "history">,
    controller: AbortController,
    slot: RunSlotTicket | (() => void),
  ): Promise<RunRow | undefined> {
    const { id: runId, userId } = run;
    const observed: ObservedRun = { runId, flowId: run.flowId, userId, source: run.source };
    const emit = (event: RunEvent) => {
      hub.publish(event);
      writer.write(event);
      notify((observer) => observer.onEvent?.(observed, event));
    };
    let finalStatus: RunLifecycle = "failed";
    try {
      const isWaiting = typeof slot !== "function";
      const release = isWaiting ? await slot.acquire(controller.signal).catch(() => undefined) : slot;
      if (!release) {
        finalStatus = "cancelled";
        await finishCancelledWhileQueued(runId, emit);
        return undefined;
      }
      try {
        const startedAt = isWaiting ? new Date() : run.startedAt;
        if (isWaiting) await rows.markRunning(runId, startedAt!);
        const result = await execute(plan, { ...executeSettings(userId), runId, ...given, signal: controller.signal, onEvent: emit });
        finalStatus = lifecycleOf(result.status);
        await writer.flushed(runId);
        const outcome = {
          status: lifecycleOf(result.status),
          lastSeq: result.lastSeq,
          output: result.output ?? null,
          error: result.error ?? null,
          inputTokens: result.usage.inputTokens,
          outputTokens: result.usage.outputTokens,
          finishedAt: new Date(),
        };
        await rows.finishRun(runId, outcome);
        return { ...run, ...outcome, status: outcome.status, startedAt, output: outcome.output as RunRow["output"], error: outcome.error as RunRow["error"] };
      } finally {
        release();
      }
    } catch (error) {
      console.error(`[run ${runId}] failed outside the engine:`, error);
      finalStatus = "failed";
      await prisma.run
        .update({ where: { id: runId }, data: { status: "failed", error: { code: "internal", message: "The run stopped because of a server error." }, finishedAt: new Date() } })
        .catch(() => undefined);
      return undefined;
    } finally {
      controllers.delete(runId);
      hub.close(runId);
      notify((observer) => observer.onRunEnd?.(observed, finalStatus));
    }
  }

  /** An observer's mistake must never fail a run: it is reported and the run goes on. */
  function notify(call: (observer: RunObserver) => void) {
    if (!options.observer) return;
    try {
      call(options.observer);
    } catch (error) {
      console.error("[runs] a run observer failed:", error);
    }
  }

  function executeSettings(userId: string): Partial<ExecuteOptions> {
    return {
      providers: options.providers?.(userId),
      integrations: options.integrations?.(userId),
      resolveCredential: options.credentials?.(userId),
      runTimeoutMs: options.runTimeoutMs,
      nodeTimeoutMs: options.nodeTimeoutMs,
    };
  }

  async function finishCancelledWhileQueued(runId: string, emit: (event: RunEvent) => void) {
    emit({ runId, seq: 1, at: new Date().toISOString(), type: "run.cancelled", reason: "The run was cancelled before it started.", durationMs: 0 });
    await writer.flushed(runId);
    await prisma.run.update({
      where: { id: runId },
      data: { status: "cancelled", lastSeq: 1, error: { code: "cancelled", message: "The run was cancelled before it started." }, finishedAt: new Date() },
    });
  }

  /** Cancels a run the caller can read (theirs, or one of a flow they own). */
  async function cancel(caller: Caller, runId: string): Promise<RunSummary> {
    const row = await readableRun(caller, runId);
    controllers.get(runId)?.abort(new Error("cancelled"));
    return toRunSummary(row);
  }

  /** Pins or unpins a run the caller can read: a pinned run outlives the retention policy (run-retention.ts). */
  async function pin(caller: Caller, runId: string, pinned: boolean): Promise<RunSummary> {
    await readableRun(caller, runId);
    return toRunSummary(await prisma.run.update({ where: { id: runId }, data: { pinned } }));
  }

  async function readableRun(caller: Caller, runId: string) {
    const row = await prisma.run.findFirst({ where: { id: runId, ...readableRunsWhere(caller) } });
    if (!row) throw runNotFound(runId);
    return row;
  }

  async function get(caller: Caller, runId: string): Promise<RunDetail> {
    const row = await readableRun(caller, runId);
    const rows = await prisma.runEvent.findMany({ where: { runId }, orderBy: { seq: "asc" } });
    return toRunDetail(row, eventsAfter(rows, 0));
  }

  /** The runs of a flow the caller can read: all of them for its owner, a member's own for a member. */
  async function list(caller: Caller, flowId: string, limit = 50): Promise<RunSummary[]> {
    await flows.get(caller, flowId);
    const rows = await prisma.run.findMany({ where: { flowId, ...readableRunsWhere(caller) }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit });
    return rows.map(toRunSummary);
  }

  async function* events(caller: Caller, runId: string, afterSeq = 0, signal?: AbortSignal): AsyncGenerator<RunEvent> {
    // The row is written before the run goes live, so checking it covers live runs too; whoever started a run
    // this process is executing may read it, which needs no query.
    if (starters.get(runId) !== caller.userId) await readableRun(caller, runId);
    yield* streamRunEvents(prisma, hub, runId, afterSeq, signal);
  }

  /**
   * Follows a run to its end and returns it: the HTTP API's waiting mode. The events it followed are the
   * run's, so only the finished row is read again. @throws AppError NOT_FOUND for a run the caller cannot read.
   */
  async function waitFor(caller: Caller, runId: string, signal?: AbortSignal): Promise<RunDetail> {
    const task = background.get(runId);
    const followed: RunEvent[] = [];
    for await (const event of events(caller, runId, 0, signal)) followed.push(event);
    if (signal?.aborted) return get(caller, runId);
    // A live run's stream ends on its last event, before its row is finished: wait for that, and use the row it
    // settles with rather than reading it again.
    const row = (await task) ?? (await prisma.run.findUnique({ where: { id: runId } }));
    if (!row) throw runNotFound(runId);
    return toRunDetail(row, followed);
  }

  return {
    start,
    cancel,
    pin,
    get,
    list,
    events,
    waitFor,
    /** Resolves when every run started so far has finished (tests and shutdown). */
    idle: async () => void (await Promise.all([...background.values()])),
    stats: () => ({ running: slots.running, queued: slots.waiting }),
  };
}

export type RunService = ReturnType<typeof createRunService>;

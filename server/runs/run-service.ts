// Runs: stored with the flow version they run (its graph is kept as the flow or a FlowVersion), executed in
// the background on the engine, every event stored and fanned out live. A node's failure is an event; so is
// the end. Where a run executes is the dispatcher's business (run-dispatch.ts): in this process under a
// concurrency limit (the default), or on queue workers (server/queue). Storing, access and history are the same.
// A run belongs to the user who started it: it runs with their credentials and connected accounts only, and
// is readable by them and by the flow's owner; its events follow the run. The composition root (server/app.ts)
// builds one per process and hands it the flow service and the per-user lookups it needs.
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { RunEvent } from "@/lib/engine/events";
import { compile } from "@/lib/flow/compile";
import { credentialIdsOf } from "@/lib/flow/credential-refs";
import type { CredentialMap } from "@/lib/flow/node-kind";
import type { ChatHistory } from "@/lib/flow/chat-history";
import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import type { FlowService } from "@/server/services/flow-service";
import { getLogger } from "@/server/log/logger";
import { eventsAfter } from "./run-event-rows.ts";
import { createLocalRuns, type LocalRunsOptions } from "./local-runs.ts";
import type { RunDispatcher } from "./run-dispatch.ts";
import { createRunExecution, type RunExecutionOptions } from "./run-execution.ts";
import { createRunRows } from "./run-rows.ts";
import { listRunSummaries } from "./run-summary-read.ts";
import { toRunDetail, toRunSummary, type RunDetail, type RunSummary } from "./run-records.ts";

export type { ObservedRun, RunObserver } from "./run-execution.ts";

/** What a run service is built on: its database, and the flow service that decides who may run or read a flow. */
export type RunServiceDependencies = { db: Db; flows: Pick<FlowService, "get" | "getStored"> };

export type RunServiceOptions = LocalRunsOptions &
  RunExecutionOptions & {
    /**
     * Kind and endpoint of the run user's credentials a flow names (no secrets): a run whose model node pairs
     * a credential with another provider or Base URL is refused before it starts. Unset: only the run-time
     * check applies.
     */
    describeCredentials?: (runUserId: string, ids: string[]) => Promise<CredentialMap>;
    /** Where runs execute. Default: in this process (local-runs.ts), by the limits above. */
    dispatcher?: RunDispatcher;
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

/** A run that could not be stored on the queue (queue mode: Redis unreachable). */
const notQueued = (runId: string, cause: unknown) =>
  new AppError("UNAVAILABLE", `run "${runId}" could not be queued`, { userMessage: "The run could not be queued. Try again in a moment.", cause });

const runNotFound = (runId: string) => new AppError("NOT_FOUND", `run "${runId}" does not exist`, { userMessage: "This run does not exist." });

/** Prisma `where` for the runs the caller may read: those they started, and every run of the flows they own. */
const readableRunsWhere = (caller: Caller) => ({ OR: [{ userId: caller.userId }, { flow: { ownerId: caller.userId } }] });

export function createRunService({ db, flows }: RunServiceDependencies, options: RunServiceOptions) {
  const { prisma } = db;
  const rows = createRunRows(db);
  const runs = options.dispatcher ?? createLocalRuns(db, createRunExecution(db, options), options);

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
    const id = randomUUID();
    // In queue mode admission asks Redis: when it is away the start answers as one that could not be queued.
    const admission = await runs.admit(id).catch((error: unknown) => {
      getLogger().error({ err: error, runId: id }, "admitting a run failed");
      throw notQueued(id, error);
    });
    if (!admission) throw queueFull();
    const now = new Date();
    const isRunning = admission.status === "running";
    const run = await rows
      .insertRun({ id, userId: caller.userId, flowId, flowVersion: flow.version, status: admission.status, startedAt: isRunning ? now : null, source, sessionId: sessionId ?? null, input, createdAt: now })
      .catch(async (error: unknown) => {
        await admission.withdraw();
        throw error;
      });
    try {
      await admission.dispatch(run, plan, { input, history });
    } catch (error) {
      getLogger().error({ err: error, runId: id }, "handing a run over to execute failed");
      await admission.withdraw().catch(() => undefined);
      await prisma.run.update({ where: { id }, data: { status: "failed", error: { code: "internal", message: "The run could not be queued." }, finishedAt: new Date() } }).catch(() => undefined);
      throw notQueued(id, error);
    }
    return { runId: run.id, status: "queued" };
  }

  /** Cancels a run the caller can read (theirs, or one of a flow they own). */
  async function cancel(caller: Caller, runId: string): Promise<RunSummary> {
    const row = await readableRun(caller, runId);
    await runs.cancel(row);
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
    return listRunSummaries(db, caller, flowId, limit);
  }

  async function* events(caller: Caller, runId: string, afterSeq = 0, signal?: AbortSignal): AsyncGenerator<RunEvent> {
    // The row is written before the run goes live, so checking it covers live runs too; whoever started a run
    // this process is executing may read it, which needs no query.
    if (runs.starterOf(runId) !== caller.userId) await readableRun(caller, runId);
    yield* runs.events(runId, afterSeq, signal);
  }

  /**
   * Follows a run to its end and returns it: the HTTP API's waiting mode. The events it followed are the
   * run's, so only the finished row is read again. @throws AppError NOT_FOUND for a run the caller cannot read.
   */
  async function waitFor(caller: Caller, runId: string, signal?: AbortSignal): Promise<RunDetail> {
    const finished = runs.finishedRow(runId);
    const followed: RunEvent[] = [];
    for await (const event of events(caller, runId, 0, signal)) followed.push(event);
    if (signal?.aborted) return get(caller, runId);
    // A run executing here ends its stream on its last event, before its row is finished: wait for that, and
    // use the row it settles with rather than reading it again. Elsewhere the last event follows the row.
    const row = (await finished) ?? (await prisma.run.findUnique({ where: { id: runId } }));
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
    /** Resolves when every run this process started so far has finished (tests and shutdown). */
    idle: () => runs.idle(),
    stats: () => runs.stats(),
  };
}

export type RunService = ReturnType<typeof createRunService>;

// Runs: stored with a snapshot of the graph they run, executed in the background on the engine under a
// concurrency limit, every event stored and fanned out live. A node's failure is an event; so is the end.
import { AppError } from "@/lib/errors";
import { execute, type ExecuteOptions } from "@/lib/engine";
import type { RunEvent } from "@/lib/engine/events";
import { compile } from "@/lib/flow/compile";
import type { Plan } from "@/lib/flow/plan";
import type { Db } from "@/server/db/client";
import { createRunEventWriter } from "@/server/runs/run-event-writer";
import { streamRunEvents } from "@/server/runs/run-event-stream";
import { createRunHub } from "@/server/runs/run-hub";
import { lifecycleOf, toRunDetail, toRunSummary, type RunDetail, type RunSummary } from "@/server/runs/run-records";
import { createRunSlots, type RunSlotTicket } from "@/server/runs/run-slots";
import { createFlowService } from "./flow-service.ts";

export type RunServiceOptions = {
  maxConcurrentRuns: number;
  /** Runs that may wait for a slot; a start past it is refused with 429 (OSMEN_MAX_QUEUED_RUNS). Default: no bound. */
  maxQueuedRuns?: number;
  runTimeoutMs: number;
  nodeTimeoutMs?: number;
  /** Model resolution for every run (tests pass a scripted provider). Default: the provider layer. */
  providers?: ExecuteOptions["providers"];
  /** Google access for a run's Google nodes, made per run (the connection may change between runs). */
  google?: () => ExecuteOptions["google"];
};

export type StartRunInput = { flowId: string; input: unknown; source?: string };

/** How long a client refused by a full queue should wait before trying again, in seconds. */
const QUEUE_FULL_RETRY_AFTER_SECONDS = 10;

const queueFull = () =>
  new AppError("TOO_MANY_REQUESTS", "the run queue is full", {
    userMessage: "Too many runs are waiting to start. Try again in a few seconds.",
    details: { retryAfterSeconds: QUEUE_FULL_RETRY_AFTER_SECONDS },
  });

const runNotFound = (runId: string) => new AppError("NOT_FOUND", `run "${runId}" does not exist`, { userMessage: "This run does not exist." });

export function createRunService(db: Db, options: RunServiceOptions) {
  const { prisma } = db;
  const flows = createFlowService(db);
  const hub = createRunHub();
  const slots = createRunSlots(options.maxConcurrentRuns, options.maxQueuedRuns);
  const controllers = new Map<string, AbortController>();
  const writer = createRunEventWriter(prisma, (error, events) => console.error(`[runs] storing ${events.length} event(s) failed:`, error));
  const background = new Set<Promise<void>>();

  async function start({ flowId, input, source = "canvas" }: StartRunInput): Promise<{ runId: string; status: "queued" }> {
    const flow = await flows.get(flowId);
    const { plan, diagnostics } = compile(flow.graph);
    if (!plan) {
      const errors = diagnostics.filter((diagnostic) => diagnostic.severity === "error");
      throw new AppError("UNPROCESSABLE_CONTENT", `flow "${flowId}" has ${errors.length} error(s)`, {
        userMessage: `This flow cannot run until its problems are fixed: ${errors.map((error) => error.message).join(" ")}`,
        details: { diagnostics },
      });
    }
    const ticket = slots.reserve();
    if (!ticket) throw queueFull();
    const run = await prisma.run
      .create({
        data: { flowId, flowVersion: flow.version, status: "queued", source, input: (input ?? null) as object, graph: flow.graph as object },
      })
      .catch((error: unknown) => {
        ticket.cancel();
        throw error;
      });
    hub.open(run.id);
    const controller = new AbortController();
    controllers.set(run.id, controller);
    const task = runInBackground(run.id, plan, input, controller, ticket).finally(() => background.delete(task));
    background.add(task);
    return { runId: run.id, status: "queued" };
  }

  async function runInBackground(runId: string, plan: Plan, input: unknown, controller: AbortController, ticket: RunSlotTicket) {
    const emit = (event: RunEvent) => {
      hub.publish(event);
      writer.write(event);
    };
    try {
      const release = await ticket.acquire(controller.signal).catch(() => undefined);
      if (!release) return await finishCancelledWhileQueued(runId, emit);
      try {
        await prisma.run.update({ where: { id: runId }, data: { status: "running", startedAt: new Date() } });
        const result = await execute(plan, { ...executeSettings(), runId, input, signal: controller.signal, onEvent: emit });
        await writer.flushed();
        await prisma.run.update({
          where: { id: runId },
          data: {
            status: lifecycleOf(result.status),
            lastSeq: result.lastSeq,
            output: (result.output ?? null) as object,
            error: result.error ?? undefined,
            inputTokens: result.usage.inputTokens,
            outputTokens: result.usage.outputTokens,
            finishedAt: new Date(),
          },
        });
      } finally {
        release();
      }
    } catch (error) {
      console.error(`[run ${runId}] failed outside the engine:`, error);
      await prisma.run
        .update({ where: { id: runId }, data: { status: "failed", error: { code: "internal", message: "The run stopped because of a server error." }, finishedAt: new Date() } })
        .catch(() => undefined);
    } finally {
      controllers.delete(runId);
      hub.close(runId);
    }
  }

  function executeSettings(): Partial<ExecuteOptions> {
    return { providers: options.providers, google: options.google?.(), runTimeoutMs: options.runTimeoutMs, nodeTimeoutMs: options.nodeTimeoutMs };
  }

  async function finishCancelledWhileQueued(runId: string, emit: (event: RunEvent) => void) {
    emit({ runId, seq: 1, at: new Date().toISOString(), type: "run.cancelled", reason: "The run was cancelled before it started.", durationMs: 0 });
    await writer.flushed();
    await prisma.run.update({
      where: { id: runId },
      data: { status: "cancelled", lastSeq: 1, error: { code: "cancelled", message: "The run was cancelled before it started." }, finishedAt: new Date() },
    });
  }

  async function cancel(runId: string): Promise<RunSummary> {
    const controller = controllers.get(runId);
    if (controller) controller.abort(new Error("cancelled"));
    const row = await prisma.run.findUnique({ where: { id: runId } });
    if (!row) throw runNotFound(runId);
    return toRunSummary(row);
  }

  async function get(runId: string): Promise<RunDetail> {
    const row = await prisma.run.findUnique({ where: { id: runId } });
    if (!row) throw runNotFound(runId);
    const events = await prisma.runEvent.findMany({ where: { runId }, orderBy: { seq: "asc" }, select: { payload: true } });
    return toRunDetail(row, events.map((event) => event.payload as RunEvent));
  }

  async function list(flowId: string, limit = 50): Promise<RunSummary[]> {
    await flows.get(flowId);
    const rows = await prisma.run.findMany({ where: { flowId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit });
    return rows.map(toRunSummary);
  }

  async function* events(runId: string, afterSeq = 0, signal?: AbortSignal): AsyncGenerator<RunEvent> {
    if (!hub.isLive(runId) && !(await prisma.run.findUnique({ where: { id: runId }, select: { id: true } }))) throw runNotFound(runId);
    yield* streamRunEvents(prisma, hub, runId, afterSeq, signal);
  }

  /** Follows a run to its end and returns it: the HTTP API's waiting mode. */
  async function waitFor(runId: string, signal?: AbortSignal): Promise<RunDetail> {
    for await (const event of events(runId, 0, signal)) void event;
    return get(runId);
  }

  return {
    start,
    cancel,
    get,
    list,
    events,
    waitFor,
    /** Resolves when every run started so far has finished (tests and shutdown). */
    idle: async () => void (await Promise.all([...background])),
    stats: () => ({ running: slots.running, queued: slots.waiting }),
  };
}

export type RunService = ReturnType<typeof createRunService>;

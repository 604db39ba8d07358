// Queue mode in one process: two app instances (each its own App, run service and Redis connections) and
// workers, on real PostgreSQL and Redis. Separate processes, kill -9 and the HTTP surfaces are covered by
// the queue-mode tests across processes (e2e/queue/queue-mode.test.ts).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Worker } from "bullmq";
import { Redis } from "ioredis";
import type { RunEvent } from "@/lib/engine/events";
import type { AppError } from "@/lib/errors";
import { createApp, type App } from "@/server/app";
import { eventsAfter } from "@/server/runs/run-event-rows";
import { closedPortUrl } from "@/testing/closed-port";
import { chatGraph } from "@/testing/flow-graphs";
import { createGate } from "@/testing/latches";
import { queueTestDatabase, queueTestRedisUrl } from "@/testing/queue-mode";
import { createScriptedProvider, lastUserText, type ScriptedProvider } from "@/testing/scripted-provider";
import { localTestCaller as me } from "@/testing/trpc-caller";
import { connectQueueMode, type QueueMode } from "./queue-mode.ts";
import { bullOptions, RUN_QUEUE } from "./run-queue.ts";
import { createRunWorker, type RunWorker } from "./run-worker.ts";

const redisUrl = queueTestRedisUrl(5);

async function collect(stream: AsyncIterable<RunEvent>): Promise<RunEvent[]> {
  const events: RunEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

describe("queue mode", () => {
  let database: Awaited<ReturnType<typeof queueTestDatabase>>;
  let opened: { queue: QueueMode; worker?: RunWorker }[] = [];

  const instance = (provider: ScriptedProvider, maxQueuedRuns = 100): App => {
    const queue = connectQueueMode(redisUrl, { maxQueuedRuns });
    opened.push({ queue });
    return createApp({ db: database, queue, runs: { providers: () => provider, maxConcurrentRuns: 8, runTimeoutMs: 30_000 } });
  };

  const startWorker = async (provider: ScriptedProvider, shutdownMs = 5000) => {
    const app = instance(provider);
    const { queue, publisher, subscriber, bullmq } = app.queue!;
    const worker = createRunWorker(
      { db: database, execution: app.execution, queue, publisher, subscriber, bullmq, graphAt: (id, version) => app.services.flows.storedGraphAt(id, version), logger: app.logger },
      { concurrency: 50, stalledMs: 3000, shutdownMs },
    );
    opened.at(-1)!.worker = worker;
    await worker.ready();
    return worker;
  };

  const storedEvents = async (runId: string) => eventsAfter(await database.prisma.runEvent.findMany({ where: { runId }, orderBy: { seq: "asc" } }), 0);

  beforeAll(async () => (database = await queueTestDatabase()));
  beforeEach(async () => {
    const redis = new Redis(redisUrl);
    await redis.flushdb();
    redis.disconnect();
  });
  afterEach(async () => {
    for (const { worker } of opened) await worker?.close();
    for (const { queue } of opened) await queue.close();
    opened = [];
  });
  afterAll(async () => database?.drop());

  it("runs a flow started on one instance on a worker; another instance follows it live, every event once, in order", async () => {
    const gate = createGate();
    const provider = createScriptedProvider({ replies: [{ text: "Good morning, Ada", chunks: ["Good ", "morning, ", "Ada"], until: gate.promise }] });
    const [a, b] = [instance(provider), instance(provider)];
    await startWorker(provider);
    const flow = await a.services.flows.create(me, { name: "Queued", graph: chatGraph() });

    const { runId, status } = await a.runs.start(me, { flowId: flow.id, input: "Say hi" });
    expect(status).toBe("queued");
    const fromB = b.runs.events(me, runId, 0);
    const seenBeforeAnswer: RunEvent[] = [];
    for await (const event of fromB) {
      seenBeforeAnswer.push(event);
      if (event.type === "node.started" && event.nodeId === "llm") break;
    }
    // Joined mid-run on instance A, after the events B has seen: the rest, and only the rest.
    const restFromA = collect(a.runs.events(me, runId, seenBeforeAnswer.at(-1)!.seq));
    const allFromB = collect(b.runs.events(me, runId, 0));
    gate.open();

    const detail = await b.runs.waitFor(me, runId);
    expect(detail).toMatchObject({ status: "succeeded", output: "Good morning, Ada", input: "Say hi" });
    const stored = await storedEvents(runId);
    expect(stored.map((event) => event.seq)).toEqual(stored.map((_, index) => index + 1));
    expect(await allFromB).toEqual(stored);
    expect(await restFromA).toEqual(stored.filter((event) => event.seq > seenBeforeAnswer.at(-1)!.seq));
    expect(stored.filter((event) => event.type === "node.delta").map((event) => (event as { text: string }).text)).toEqual(["Good ", "morning, ", "Ada"]);
  });

  it("stops a run from the instance that did not start it, on whichever worker has it, aborting its model call", async () => {
    const provider = createScriptedProvider({ replies: [{ text: "never", until: createGate().promise }] });
    const [a, b] = [instance(provider), instance(provider)];
    await startWorker(provider);
    const flow = await a.services.flows.create(me, { name: "Cancel", graph: chatGraph() });
    const { runId } = await a.runs.start(me, { flowId: flow.id, input: "x" });
    for await (const event of b.runs.events(me, runId, 0)) if (event.type === "node.started" && event.nodeId === "llm") break;

    await b.runs.cancel(me, runId);
    const detail = await a.runs.waitFor(me, runId);
    expect(detail.status).toBe("cancelled");
    expect(provider.calls[0]?.isAborted).toBe(true);
    expect((await storedEvents(runId)).at(-1)?.type).toBe("run.cancelled");
  });

  it("ends a run cancelled before any worker took it, and no worker runs it afterwards", async () => {
    const provider = createScriptedProvider({ respond: (call) => `echo: ${lastUserText(call)}` });
    const a = instance(provider);
    const flow = await a.services.flows.create(me, { name: "Waiting", graph: chatGraph() });
    const { runId } = await a.runs.start(me, { flowId: flow.id, input: "x" });
    await a.runs.cancel(me, runId);
    const detail = await a.runs.waitFor(me, runId);
    expect(detail).toMatchObject({ status: "cancelled", error: { code: "cancelled" } });

    await startWorker(provider);
    const { runId: next } = await a.runs.start(me, { flowId: flow.id, input: "after" });
    expect((await a.runs.waitFor(me, next)).output).toBe("echo: after");
    expect(provider.calls.map(lastUserText)).toEqual(["after"]);
  });

  it("holds the queue's bound across instances: a start past it is refused with 429 and stores nothing", async () => {
    const provider = createScriptedProvider({ respond: () => "ok" });
    const [a, b] = [instance(provider, 2), instance(provider, 2)];
    const flow = await a.services.flows.create(me, { name: "Bounded", graph: chatGraph() });
    const first = await a.runs.start(me, { flowId: flow.id, input: "1" });
    const second = await b.runs.start(me, { flowId: flow.id, input: "2" });
    const refused = await a.runs.start(me, { flowId: flow.id, input: "3" }).catch((error: AppError) => error);
    expect(refused).toMatchObject({ code: "TOO_MANY_REQUESTS" });
    expect(await database.prisma.run.count({ where: { flowId: flow.id } })).toBe(2);

    // A worker taking the waiting runs frees their places.
    await startWorker(provider);
    for (const { runId } of [first, second]) expect((await a.runs.waitFor(me, runId)).status).toBe("succeeded");
    const { runId } = await b.runs.start(me, { flowId: flow.id, input: "4" });
    expect((await b.runs.waitFor(me, runId)).status).toBe("succeeded");
  });

  it("a stopped worker lets a short run finish and ends one that outlasts the shutdown bound interrupted", async () => {
    const quick = createGate();
    const provider = createScriptedProvider({
      respond: (call) => (lastUserText(call) === "quick" ? { text: "done", until: quick.promise } : { text: "never", until: createGate().promise }),
    });
    const a = instance(provider);
    const worker = await startWorker(provider, 1000);
    const flow = await a.services.flows.create(me, { name: "Shutdown", graph: chatGraph() });
    const short = await a.runs.start(me, { flowId: flow.id, input: "quick" });
    const long = await a.runs.start(me, { flowId: flow.id, input: "slow" });
    for (const { runId } of [short, long]) for await (const event of a.runs.events(me, runId, 0)) if (event.type === "node.started" && event.nodeId === "llm") break;

    const stopping = worker.close();
    quick.open();
    await stopping;
    expect((await a.runs.waitFor(me, short.runId)).status).toBe("succeeded");
    const interrupted = await a.runs.waitFor(me, long.runId);
    expect(interrupted).toMatchObject({ status: "interrupted", error: { code: "interrupted" } });
    expect((await storedEvents(long.runId)).at(-1)).toMatchObject({ type: "run.failed", code: "interrupted" });
  });

  it("ends the run of a worker that stopped answering interrupted, storing the events it streamed but never stored", async () => {
    const provider = createScriptedProvider({ respond: () => "ok" });
    const a = instance(provider);
    const flow = await a.services.flows.create(me, { name: "Stalled", graph: chatGraph() });
    const { runId } = await a.runs.start(me, { flowId: flow.id, input: "x" });

    // A worker that takes the run, streams its first events, then hangs without renewing its lock: what a
    // worker killed mid-run leaves behind.
    const { publisher, bullmq } = a.queue!;
    const taken = createGate();
    const dead = new Worker(
      RUN_QUEUE,
      async () => {
        await database.prisma.run.update({ where: { id: runId }, data: { status: "running", startedAt: new Date() } });
        const at = new Date().toISOString();
        await publisher.publish({ runId, seq: 1, at, type: "run.started", input: "x", nodeIds: ["input", "llm", "output"] });
        await publisher.publish({ runId, seq: 2, at, type: "node.started", nodeId: "input", kind: "input" });
        taken.open();
        await new Promise(() => undefined);
      },
      { ...bullOptions(bullmq.duplicate()), skipLockRenewal: true, skipStalledCheck: true, lockDuration: 1000 },
    );
    await taken.promise;
    await dead.close(true);

    await startWorker(provider);
    const detail = await a.runs.waitFor(me, runId);
    expect(detail).toMatchObject({ status: "interrupted", error: { code: "interrupted" } });
    const stored = await storedEvents(runId);
    expect(stored.map((event) => [event.seq, event.type])).toEqual([
      [1, "run.started"],
      [2, "node.started"],
      [3, "run.failed"],
    ]);
    expect(provider.calls).toEqual([]);
  });

  it("answers a start while Redis is unreachable as a run that could not be queued, storing none", async () => {
    const queue = connectQueueMode((await closedPortUrl()).replace("http:", "redis:"), { maxQueuedRuns: 10 });
    const app = createApp({ db: database, queue, runs: { providers: () => createScriptedProvider({ replies: [] }), maxConcurrentRuns: 8, runTimeoutMs: 30_000 } });
    const flow = await app.services.flows.create(me, { name: "Redis away", graph: chatGraph() });

    const error = (await app.runs.start(me, { flowId: flow.id, input: "x" }).catch((thrown: unknown) => thrown)) as AppError;

    expect(error).toMatchObject({ code: "UNAVAILABLE", userMessage: "The run could not be queued. Try again in a moment." });
    expect(await database.prisma.run.count({ where: { flowId: flow.id } })).toBe(0);
    // Not closed gracefully: BullMQ's close waits for a Redis that is not there.
    for (const connection of [queue.redis, queue.subscriber, queue.bullmq]) connection.disconnect();
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunEvent } from "@/lib/engine/events";
import { testDatabases } from "@/testing/databases";
import { localTestCaller as me } from "@/testing/trpc-caller";
import { chainGraph, chatGraph } from "@/testing/flow-graphs";
import { createScriptedProvider, lastUserText } from "@/testing/scripted-provider";
import { createGate } from "@/testing/latches";
import { createFlowService } from "@/server/services/flow-service";
import { createRunService, type RunService } from "./run-service";
import { recoverInterruptedRuns } from "./recover-interrupted";
import { eventsAfter, fromRunEventRow } from "./run-event-rows";
import type { AppError } from "@/lib/errors";
import { httpHeadersOf } from "@/server/errors";

async function collect(stream: AsyncIterable<RunEvent>): Promise<RunEvent[]> {
  const events: RunEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

describe.each(testDatabases())("run service on $provider", ({ create }) => {
  let database: Awaited<ReturnType<typeof create>>;
  let services: RunService[] = [];
  const flows = () => createFlowService(database);
  const parts = () => ({ db: database, flows: flows() });

  const runService = (provider = createScriptedProvider({ respond: (call) => `echo: ${lastUserText(call)}` }), maxConcurrentRuns = 8) => {
    const service = createRunService(parts(), { maxConcurrentRuns, runTimeoutMs: 30_000, providers: () => provider });
    services.push(service);
    return service;
  };

  beforeAll(async () => (database = await create()));
  afterEach(async () => {
    await Promise.all(services.map((service) => service.idle()));
    services = [];
  });
  afterAll(async () => database?.drop());

  it("runs a flow in the background and stores every event in order with no gaps", async () => {
    const runs = runService(createScriptedProvider({ replies: [{ text: "Good morning, Ada", chunks: ["Good ", "morning, ", "Ada"] }] }));
    const flow = await flows().create(me, { name: "Chat", graph: chatGraph() });
    const { runId, status } = await runs.start(me, { flowId: flow.id, input: "Say hi" });
    expect(status).toBe("queued");
    const detail = await runs.waitFor(me, runId);

    expect(detail).toMatchObject({ status: "succeeded", output: "Good morning, Ada", input: "Say hi", flowVersion: 1 });
    expect(detail.nodes.llm).toMatchObject({ status: "succeeded", text: "Good morning, Ada" });
    const stored = await database.prisma.runEvent.findMany({ where: { runId }, orderBy: { seq: "asc" } });
    expect(stored.map((row) => row.seq)).toEqual(stored.map((_, index) => index + 1));
    const events = eventsAfter(stored, 0);
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
    expect(events[0]?.type).toBe("run.started");
    expect(events.at(-1)?.type).toBe("run.completed");
    const deltas = events.filter((event) => event.type === "node.delta" && event.nodeId === "llm");
    expect(deltas.map((event) => (event as { text: string }).text).join("")).toBe("Good morning, Ada");
  });

  it("sends a run's last event live only once its row is final, so a watcher that sees the end reads the final row", async () => {
    const runs = runService();
    const flow = await flows().create(me, { name: "Ends", graph: chatGraph() });
    const { runId } = await runs.start(me, { flowId: flow.id, input: "Say hi" });
    for await (const event of runs.events(me, runId)) {
      if (event.type !== "run.completed") continue;
      expect(await database.prisma.run.findUnique({ where: { id: runId } })).toMatchObject({ status: "succeeded", lastSeq: event.seq, finishedAt: expect.any(Date) });
      break;
    }
    await runs.idle();
  });

  it("replays from any afterSeq exactly the events after it", async () => {
    const runs = runService();
    const flow = await flows().create(me, { name: "Replay", graph: chatGraph() });
    const { runId } = await runs.start(me, { flowId: flow.id, input: "hello" });
    const all = await collect(runs.events(me, runId, 0));
    expect(all.map((event) => event.seq)).toEqual(all.map((_, index) => index + 1));
    for (const afterSeq of [0, 1, Math.floor(all.length / 2), all.length - 1, all.length]) {
      const replayed = await collect(runs.events(me, runId, afterSeq));
      expect(replayed).toEqual(all.slice(afterSeq));
    }
  });

  it("a watcher that joins mid-run sees the stored past and the live rest, each once", async () => {
    const provider = createScriptedProvider({ replies: [{ text: "one two three four", chunks: ["one ", "two ", "three ", "four"], chunkDelayMs: 40 }] });
    const runs = runService(provider);
    const flow = await flows().create(me, { name: "Join", graph: chatGraph() });
    const { runId } = await runs.start(me, { flowId: flow.id, input: "count" });
    const early = runs.events(me, runId, 0)[Symbol.asyncIterator]();
    const firstThree = [await early.next(), await early.next(), await early.next()].map((result) => result.value as RunEvent);
    await early.return?.(undefined);
    const rest = await collect(runs.events(me, runId, firstThree.at(-1)!.seq));
    const seqs = [...firstThree, ...rest].map((event) => event.seq);
    expect(seqs).toEqual(seqs.map((_, index) => index + 1));
    expect(rest.at(-1)?.type).toBe("run.completed");
  });

  it("refuses a flow with errors, listing its diagnostics, and stores no run", async () => {
    const runs = runService();
    const graph = chatGraph();
    graph.edges = graph.edges.filter((edge) => edge.id !== "e-model");
    const flow = await flows().create(me, { name: "Broken", graph });
    await expect(runs.start(me, { flowId: flow.id, input: "x" })).rejects.toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
      details: { diagnostics: expect.arrayContaining([expect.objectContaining({ code: "required_input_missing", nodeId: "llm" })]) },
    });
    expect(await database.prisma.run.count({ where: { flowId: flow.id } })).toBe(0);
  });

  it("cancels a running run: in-flight model calls stop and the run ends cancelled", async () => {
    // The model never answers on its own: only the cancellation can end this run.
    const provider = createScriptedProvider({ replies: [{ text: "slow", until: createGate().promise }] });
    const runs = runService(provider);
    const flow = await flows().create(me, { name: "Cancel", graph: chatGraph() });
    const { runId } = await runs.start(me, { flowId: flow.id, input: "x" });
    for await (const event of runs.events(me, runId, 0)) if (event.type === "node.started" && event.nodeId === "llm") break;
    await runs.cancel(me, runId);
    const detail = await runs.waitFor(me, runId);
    expect(detail.status).toBe("cancelled");
    expect(provider.calls[0]?.isAborted).toBe(true);
    const last = await database.prisma.runEvent.findFirst({ where: { runId }, orderBy: { seq: "desc" } });
    expect(last && fromRunEventRow(last).at(-1)?.type).toBe("run.cancelled");
  });

  it("runs at most N at once; the rest wait queued, in order", async () => {
    // Every answer waits for the gate, so the first two are still running while the last ones queue.
    const gate = createGate();
    const provider = createScriptedProvider({ respond: (call) => ({ text: lastUserText(call), until: gate.promise }) });
    const runs = runService(provider, 2);
    const flow = await flows().create(me, { name: "Limited", graph: chatGraph() });
    const ids: string[] = [];
    for (const input of ["a", "b", "c", "d"]) ids.push((await runs.start(me, { flowId: flow.id, input })).runId);
    expect(runs.stats()).toEqual({ running: 2, queued: 2 });
    expect((await runs.get(me, ids[3]!)).status).toBe("queued");
    gate.open();
    const details = await Promise.all(ids.map((id) => runs.waitFor(me, id)));
    expect(details.map((detail) => detail.status)).toEqual(["succeeded", "succeeded", "succeeded", "succeeded"]);
    const order = [...details].sort((a, b) => a.startedAt!.getTime() - b.startedAt!.getTime()).map((detail) => detail.input);
    expect(order).toEqual(["a", "b", "c", "d"]);
  });

  it("a queued run that is cancelled never starts", async () => {
    const gate = createGate(); // the first run holds the only slot until the second is cancelled
    const provider = createScriptedProvider({ respond: () => ({ text: "ok", until: gate.promise }) });
    const runs = runService(provider, 1);
    const flow = await flows().create(me, { name: "Queue cancel", graph: chatGraph() });
    const first = await runs.start(me, { flowId: flow.id, input: "first" });
    const second = await runs.start(me, { flowId: flow.id, input: "second" });
    await runs.cancel(me, second.runId);
    const detail = await runs.waitFor(me, second.runId);
    expect(detail.status).toBe("cancelled");
    expect(detail.startedAt).toBeNull();
    gate.open();
    expect((await runs.waitFor(me, first.runId)).status).toBe("succeeded");
    expect(provider.calls).toHaveLength(1);
  });

  it("refuses a start past the queue bound with TOO_MANY_REQUESTS and Retry-After, losing nothing queued", async () => {
    const gate = createGate(); // the first run holds the only slot until the third has been refused
    const provider = createScriptedProvider({ respond: (call) => ({ text: lastUserText(call), until: gate.promise }) });
    const runs = createRunService(parts(), { maxConcurrentRuns: 1, maxQueuedRuns: 1, runTimeoutMs: 30_000, providers: () => provider });
    services.push(runs);
    const flow = await flows().create(me, { name: "Bounded", graph: chatGraph() });
    const first = await runs.start(me, { flowId: flow.id, input: "first" });
    const second = await runs.start(me, { flowId: flow.id, input: "second" });
    const refused = await runs.start(me, { flowId: flow.id, input: "third" }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ code: "TOO_MANY_REQUESTS", details: { retryAfterSeconds: expect.any(Number) } });
    expect(httpHeadersOf(refused as AppError)["retry-after"]).toMatch(/^[1-9]\d*$/);
    gate.open();
    const details = await Promise.all([first, second].map(({ runId }) => runs.waitFor(me, runId)));
    expect(details.map((detail) => [detail.input, detail.status])).toEqual([
      ["first", "succeeded"],
      ["second", "succeeded"],
    ]);
    expect(await database.prisma.run.count({ where: { flowId: flow.id } })).toBe(2);
    const after = await runs.start(me, { flowId: flow.id, input: "later" });
    expect((await runs.waitFor(me, after.runId)).status).toBe("succeeded");
  });

  it("fails a run that exceeds its time limit as timed out", async () => {
    const service = createRunService(parts(), { maxConcurrentRuns: 2, runTimeoutMs: 200, providers: () => createScriptedProvider({ replies: [{ text: "late", until: createGate().promise }] }) });
    services.push(service);
    const flow = await flows().create(me, { name: "Slow", graph: chatGraph() });
    const { runId } = await service.start(me, { flowId: flow.id, input: "x" });
    const detail = await service.waitFor(me, runId);
    expect(detail.status).toBe("failed");
    expect(detail.error).toMatchObject({ code: "run_timeout" });
  });

  it("reports per-node results, usage and the run list newest first", async () => {
    const runs = runService(createScriptedProvider({ respond: (call) => ({ text: `${lastUserText(call)}!`, usage: { inputTokens: 3, outputTokens: 2 } }) }));
    const flow = await flows().create(me, { name: "Chain", graph: chainGraph(3) });
    const first = await runs.start(me, { flowId: flow.id, input: "go" });
    await runs.waitFor(me, first.runId);
    const second = await runs.start(me, { flowId: flow.id, input: "again" });
    const detail = await runs.waitFor(me, second.runId);
    expect(detail.output).toBe("again!!!");
    expect(detail.usage).toEqual({ inputTokens: 9, outputTokens: 6 });
    expect(Object.keys(detail.nodes).sort()).toEqual(["input", "llm_1", "llm_2", "llm_3", "model", "output"]);
    expect(detail.nodes.llm_2).toMatchObject({ status: "succeeded", outputs: { text: "again!!" } });
    expect((await runs.list(me, flow.id)).map((run) => run.id)).toEqual([second.runId, first.runId]);
  });

  it("marks runs left running or queued by an earlier process as interrupted, with a final event", async () => {
    const flow = await flows().create(me, { name: "Crash", graph: chatGraph() });
    const running = await database.prisma.run.create({ data: { userId: me.userId, flowId: flow.id, flowVersion: 1, status: "running", graph: {}, lastSeq: 1 } });
    await database.prisma.runEvent.create({ data: { runId: running.id, seq: 1, type: "run.started", payload: { runId: running.id, seq: 1, at: "", type: "run.started", input: null, nodeIds: [] } } });
    const queued = await database.prisma.run.create({ data: { userId: me.userId, flowId: flow.id, flowVersion: 1, status: "queued", graph: {} } });

    const recovered = await recoverInterruptedRuns(database);
    expect(recovered.sort()).toEqual([running.id, queued.id].sort());
    const runs = runService();
    const detail = await runs.get(me, running.id);
    expect(detail.status).toBe("interrupted");
    const events = await collect(runs.events(me, running.id, 0));
    expect(events.map((event) => [event.seq, event.type])).toEqual([[1, "run.started"], [2, "run.failed"]]);
    expect(events[1]).toMatchObject({ code: "interrupted" });
    expect((await collect(runs.events(me, queued.id, 0))).map((event) => event.seq)).toEqual([1]);
  });
});

// Queue mode across processes, as it is deployed: two app instances (`next start`) and two workers
// (`tsx scripts/worker.ts`) on this machine's PostgreSQL and Redis (logical db 9), local mode, a scripted
// Ollama server as the model. Runs are started, watched and cancelled over HTTP only, as users do.
// Needs a production build (`npm run build`); run with `npm run test:queue`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { terminalEventTypes, type RunEvent } from "@/lib/engine/events";
import { eventsAfter } from "@/server/runs/run-event-rows";
import { chatGraph } from "@/testing/flow-graphs";
import { createGate } from "@/testing/latches";
import { startQueueCluster, type QueueCluster } from "@/testing/queue-cluster";
import type { RecordedRequest, ScriptedResponse } from "@/testing/servers/scripted-server";
import { runEventsOverApi, runEventsOverTrpc, runFlowOverApi, trpc } from "@/testing/studio-http";

/** How far past OSMEN_STALLED_MS a killed worker's run may still be unfinished: the checker's own tick and the write. */
const STALLED_MARGIN_MS = 4000;
/** A generous bound for waits that end on an event; it only decides how a broken build fails, never a passing one. */
const EVENT_DEADLINE_MS = 60_000;
const BATCH_SIZE = 200;

type RunAnswer = { runId: string; status: string };

/** The last user message the model was sent: each run's input, so a request can be told apart by its run. */
const promptOf = (request: RecordedRequest): string => {
  const messages = (request.body?.messages ?? []) as { role: string; content: string }[];
  return messages.filter((message) => message.role === "user").at(-1)?.content ?? "";
};

/** Polls `check` until it answers something other than undefined. @throws `what` after `deadlineMs`. */
async function eventually<T>(what: string, check: () => Promise<T | undefined> | T | undefined, deadlineMs = EVENT_DEADLINE_MS): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("queue mode across processes", () => {
  let cluster: QueueCluster;
  let apiKey: string;
  let flowId: string;
  const [appA, appB] = [() => cluster.apps[0]!.base, () => cluster.apps[1]!.base];
  /** Replies by input prefix: tests register theirs; anything else gets a short answer. */
  const replies = new Map<string, ScriptedResponse>();

  const modelRequestFor = (input: string) => eventually(`the model request for "${input}"`, () => cluster.ollama.requests.find((request) => promptOf(request) === input));
  const storedEvents = async (runId: string): Promise<RunEvent[]> =>
    eventsAfter(await cluster.database.prisma.runEvent.findMany({ where: { runId }, orderBy: { seq: "asc" } }), 0);
  const statusOf = async (runId: string) => (await cluster.database.prisma.run.findUniqueOrThrow({ where: { id: runId } })).status;
  const startThrough = (base: string, input: string) => trpc<RunAnswer>(base, "run.start", { flowId, input });

  beforeAll(async () => {
    cluster = await startQueueCluster({ redisDb: 9, appPorts: [3710, 3711], workerPorts: [3712, 3713], stalledMs: 6000 });
    cluster.ollama.setDefault((request) => {
      const prompt = promptOf(request);
      const script = [...replies].find(([prefix]) => prompt.startsWith(prefix))?.[1];
      return script ?? { text: `Answer to ${prompt}` };
    });
    apiKey = (await trpc<{ key: string }>(appA(), "apiKey.create", { name: "queue test" })).key;
    flowId = (await trpc<{ id: string }>(appA(), "flow.create", { name: "Queued chat", graph: chatGraph({ baseUrl: cluster.ollama.url }) })).id;
  });
  afterAll(async () => cluster?.stop());

  it("a run started through A is followed live from B over SSE and over the tRPC subscription: both the same as storage", async () => {
    const answerGate = createGate();
    replies.set("live:", { text: ["The ", "answer ", "comes ", "in ", "seven ", "small ", "pieces"], until: answerGate.promise, chunkDelayMs: 20 });
    const { runId } = await startThrough(appA(), "live: stream it");

    const heard = { sse: 0, subscription: 0 };
    const overSse = runEventsOverApi(appB(), apiKey, runId, () => void (heard.sse += 1));
    const overTrpc = runEventsOverTrpc(appB(), runId, () => void (heard.subscription += 1));
    // The model answers only once both followers hear the run, so its pieces reach them live.
    await modelRequestFor("live: stream it");
    await eventually("both followers hearing the run", () => (heard.sse > 0 && heard.subscription > 0 ? true : undefined));
    answerGate.open();
    const [sse, subscription] = await Promise.all([overSse, overTrpc]);
    const stored = await storedEvents(runId);

    expect(stored.at(-1)).toMatchObject({ type: "run.completed" });
    expect(stored.filter((event) => event.type === "node.delta").map((event) => (event as { text: string }).text).join("")).toBe("The answer comes in seven small pieces");
    expect(stored.map((event) => event.seq)).toEqual(stored.map((_, index) => index + 1));
    expect(sse).toEqual(stored);
    expect(subscription).toEqual(stored);
  });

  it("a cancel through B stops the run on the worker that holds it: the model call is aborted and the run ends cancelled", async () => {
    replies.set("hang:", { hang: true });
    const { runId } = await startThrough(appA(), "hang: cancel me");
    const modelRequest = await modelRequestFor("hang: cancel me");
    expect(await cluster.workerHolding(runId), "a worker holds the run").toBeDefined();

    await trpc(appB(), "run.cancel", { runId });

    await eventually("the model request aborted", () => (modelRequest.isAbandoned ? true : undefined));
    const final = await eventually("the run finished", async () => {
      const status = await statusOf(runId);
      return status === "queued" || status === "running" ? undefined : status;
    });
    expect(final).toBe("cancelled");
    const events = await runEventsOverApi(appB(), apiKey, runId);
    expect(events.at(-1)).toMatchObject({ type: "run.cancelled" });
  });

  it(`${BATCH_SIZE} runs started across both instances all end, each once: one model call each, contiguous events, one ending`, async () => {
    replies.set("batch ", { text: "Batch answer in a few words" });
    const batchFlowId = (await trpc<{ id: string }>(appA(), "flow.create", { name: "Batch", graph: chatGraph({ baseUrl: cluster.ollama.url }) })).id;
    const inputs = Array.from({ length: BATCH_SIZE }, (_, index) => `batch ${index}`);

    const answers = await Promise.all(inputs.map((input, index) => runFlowOverApi(index % 2 === 0 ? appA() : appB(), apiKey, batchFlowId, input)));

    expect(answers.filter((answer) => answer.status !== "succeeded")).toEqual([]);
    const modelPrompts = cluster.ollama.requests.map(promptOf).filter((prompt) => prompt.startsWith("batch "));
    expect(modelPrompts).toHaveLength(BATCH_SIZE);
    expect(new Set(modelPrompts)).toEqual(new Set(inputs));
    const runs = await cluster.database.prisma.run.findMany({ where: { flowId: batchFlowId } });
    expect(runs).toHaveLength(BATCH_SIZE);
    expect(new Set(runs.map((run) => run.id))).toEqual(new Set(answers.map((answer) => answer.runId)));
    for (const run of runs) {
      const events = await storedEvents(run.id);
      expect(run.status, run.id).toBe("succeeded");
      expect(events.map((event) => event.seq), run.id).toEqual(events.map((_, index) => index + 1));
      expect(events.filter((event) => terminalEventTypes.has(event.type)).map((event) => event.seq), run.id).toEqual([events.length]);
      expect(run.lastSeq, run.id).toBe(events.length);
    }
  });

  it("kill -9 of the worker running a run: the run ends interrupted, its last event run.failed, within OSMEN_STALLED_MS", async () => {
    const { runId } = await startThrough(appA(), "hang: kill my worker");
    await modelRequestFor("hang: kill my worker");
    const holder = await cluster.workerHolding(runId);
    expect(holder, "a worker holds the run").toBeDefined();
    const survivor = cluster.workers.find((worker) => worker !== holder)!;

    cluster.signal(holder!, "SIGKILL");
    const status = await eventually(
      "the run interrupted",
      async () => ((await statusOf(runId)) === "interrupted" ? "interrupted" : undefined),
      cluster.stalledMs + STALLED_MARGIN_MS,
    ).catch((error: Error) => `${error.message}\n${cluster.logTail()}`);

    expect(status).toBe("interrupted");
    const events = await runEventsOverApi(appB(), apiKey, runId);
    expect(events.at(-1)).toMatchObject({ type: "run.failed", code: "interrupted" });
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
    expect(await fetch(`${survivor.base}/health/ready`).then((response) => response.status)).toBe(200);
  });
});

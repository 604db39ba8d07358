// What the server adds to a model call, on input -> agent -> output over the HTTP API, sequential runs:
// (1) per run: a run waited for as JSON against the same scripted answer fetched straight from the model server
//     with the `ollama` SDK (streamed to the end), alternating, medians;
//     and the server's CPU per run over those runs;
// (2) to the first token: an SSE run, from the model server writing its first chunk to the client receiving the
//     first `node.delta` carrying it, median;
// (3) the server's CPU per request to a route that does nothing, the floor under any run started over HTTP.
import { Ollama } from "ollama";
import { agentGraph } from "@/testing/flow-graphs";
import { runOverApi, sseEvents, startStreamingRun } from "./api-client.ts";
import { agentReply, createFlow, marker, now, recordChunkWrites, type RunBench } from "./run-fixtures.ts";
import { serverCpuMs } from "./run-server.ts";
import { measuring, report, sized } from "./report.ts";
import { formatMs, median } from "./stats.ts";
import { runFigures, runTargets } from "./targets.ts";

const SEQUENTIAL_RUNS = sized(30, 3);
const terminalEvents = new Set(["run.completed", "run.failed", "run.cancelled"]);

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = now();
  await work();
  return now() - started;
}

async function rawModelCall(baseUrl: string): Promise<void> {
  const stream = await new Ollama({ host: baseUrl }).chat({ model: "llama3.2", messages: [{ role: "user", content: "go" }], stream: true });
  for await (const part of stream) void part;
}

async function measureAddedPerRun(bench: RunBench, flowId: string): Promise<void> {
  const raw = () => rawModelCall(bench.ollama.url);
  const run = () => runOverApi(bench.server.base, bench.apiKey, flowId);
  await raw(); // warm-up: connections, the SDK, the route's first compile
  await run();
  const rawTimes: number[] = [];
  const runTimes: number[] = [];
  const chatCalls = () => bench.ollama.requests.filter((request) => request.path === "/api/chat").length;
  const callsBefore = chatCalls();
  const cpuBefore = serverCpuMs(bench.server);
  for (let index = 0; index < SEQUENTIAL_RUNS; index += 1) {
    rawTimes.push(await timed(raw)); // alternating, so drift in the machine's load hits both alike
    runTimes.push(await timed(run));
  }
  report(runFigures.cpuPerRun, (serverCpuMs(bench.server) - cpuBefore) / SEQUENTIAL_RUNS, `mean of ${SEQUENTIAL_RUNS} runs, user + system, /proc`);
  // One model call per run makes the two medians comparable; the detail says so.
  const callsPerRun = (chatCalls() - callsBefore - SEQUENTIAL_RUNS) / SEQUENTIAL_RUNS;
  const added = median(runTimes) - median(rawTimes);
  report(runTargets.addedPerRun, added, `run over the API ${formatMs(median(runTimes))}, raw model call ${formatMs(median(rawTimes))}; ${callsPerRun} model calls per run; n=${SEQUENTIAL_RUNS}`);
}

/** One SSE run: milliseconds from the model server's first chunk write to the first `node.delta` carrying it. */
async function firstTokenDelay(bench: RunBench, flowId: string): Promise<number> {
  const writes = recordChunkWrites();
  try {
    const response = await startStreamingRun(bench.server.base, bench.apiKey, flowId);
    let firstDeltaAt: number | undefined;
    for await (const { event, data, receivedAt } of sseEvents(response, now)) {
      if (firstDeltaAt === undefined && event === "node.delta" && data.text?.includes(marker(0))) firstDeltaAt = receivedAt;
      if (event === "run.failed" || event === "run.cancelled") throw new Error(`SSE run ended with ${event}`);
      if (terminalEvents.has(event)) break;
    }
    const sentAt = writes.sent.get(0);
    if (sentAt === undefined) throw new Error("the model server wrote no streamed chunk (did the agent stream its call?)");
    if (firstDeltaAt === undefined) throw new Error("no node.delta carried the model's first chunk");
    return firstDeltaAt - sentAt;
  } finally {
    writes.restore();
  }
}

async function measureAddedFirstToken(bench: RunBench, flowId: string): Promise<void> {
  await firstTokenDelay(bench, flowId); // warm-up
  const delays: number[] = [];
  for (let index = 0; index < SEQUENTIAL_RUNS; index += 1) delays.push(await firstTokenDelay(bench, flowId));
  report(runTargets.addedFirstToken, median(delays), `n=${SEQUENTIAL_RUNS}, max ${formatMs(Math.max(...delays))}`);
}

const EMPTY_REQUESTS = sized(1000, 100);
const EMPTY_AT_ONCE = 50;

/** Server CPU per request to the liveness route, which answers without touching anything, 50 requests at a time. */
async function measureEmptyRequest(bench: RunBench): Promise<void> {
  // Uncompressed, as the answers of /api/v1 and small tRPC answers are (server/http/small-answers.ts).
  const live = () => fetch(`${bench.server.base}/api/health/live`, { headers: { "accept-encoding": "identity" } }).then((response) => response.text());
  await Promise.all(Array.from({ length: EMPTY_AT_ONCE }, live)); // warm-up
  const cpuBefore = serverCpuMs(bench.server);
  const started = now();
  for (let sent = 0; sent < EMPTY_REQUESTS; sent += EMPTY_AT_ONCE) await Promise.all(Array.from({ length: EMPTY_AT_ONCE }, live));
  const batches = EMPTY_REQUESTS / EMPTY_AT_ONCE;
  report(runFigures.cpuPerEmptyRequest, (serverCpuMs(bench.server) - cpuBefore) / EMPTY_REQUESTS, `${EMPTY_REQUESTS} requests; ${formatMs((now() - started) / batches)} per batch of ${EMPTY_AT_ONCE}`);
}

/**
 * Reports the two "time added" rows on one input -> agent -> output flow answering `agentReply`, the server's
 * CPU per run beside them, and its CPU per request that does nothing.
 */
export async function measureOverhead(bench: RunBench): Promise<void> {
  bench.ollama.setDefault(agentReply);
  const flowId = await createFlow(bench, "Overhead benchmark: agent", agentGraph({ baseUrl: bench.ollama.url }));
  await measuring([runTargets.addedPerRun, runFigures.cpuPerRun], () => measureAddedPerRun(bench, flowId));
  await measuring([runFigures.cpuPerEmptyRequest], () => measureEmptyRequest(bench));
  await measuring([runTargets.addedFirstToken], () => measureAddedFirstToken(bench, flowId));
}

// What the server adds to a model call, on input -> agent -> output over the HTTP API, sequential runs:
// (1) per run: a run waited for as JSON against the same scripted answer fetched straight from the model server
//     with the `ollama` SDK (streamed to the end), alternating, medians;
// (2) to the first token: an SSE run, from the model server writing its first chunk to the client receiving the
//     first `node.delta` carrying it, median.
import { Ollama } from "ollama";
import { agentGraph } from "@/testing/flow-graphs";
import { runOverApi, sseEvents, startStreamingRun } from "./api-client.ts";
import { agentReply, createFlow, marker, now, recordChunkWrites, type RunBench } from "./run-fixtures.ts";
import { measuring, report, sized } from "./report.ts";
import { formatMs, median } from "./stats.ts";
import { runTargets } from "./targets.ts";

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
  for (let index = 0; index < SEQUENTIAL_RUNS; index += 1) {
    rawTimes.push(await timed(raw)); // alternating, so drift in the machine's load hits both alike
    runTimes.push(await timed(run));
  }
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

/** Reports the two "time added" rows on one input -> agent -> output flow answering `agentReply`. */
export async function measureOverhead(bench: RunBench): Promise<void> {
  bench.ollama.setDefault(agentReply);
  const flowId = await createFlow(bench, "Overhead benchmark: agent", agentGraph({ baseUrl: bench.ollama.url }));
  await measuring([runTargets.addedPerRun], () => measureAddedPerRun(bench, flowId));
  await measuring([runTargets.addedFirstToken], () => measureAddedFirstToken(bench, flowId));
}

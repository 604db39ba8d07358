// 50 runs at once against one run, for the 5-node flow (input -> llm -> llm -> output on one model node) and for
// input -> agent -> output; and the server's peak RSS while those batches run.
import { agentGraph } from "@/testing/flow-graphs";
import { agentReply, chainReply, createFlow, fiveNodeGraph, type RunBench } from "./run-fixtures.ts";
import { resetServerPeakRss, rpc, serverMemoryKiB, type BenchServer } from "./run-server.ts";
import { measuring, report, sized } from "./report.ts";
import { formatMs, median } from "./stats.ts";
import { runTargets, type Target } from "./targets.ts";

/** The server is started with this many concurrent runs allowed, so none of a batch waits in a queue. */
export const CONCURRENT_RUNS = sized(50, 5);
const SINGLE_ATTEMPTS = sized(5, 2);
const BATCH_ATTEMPTS = sized(3, 1);

type ListedRun = { id: string; status: string; finishedAt: string | Date | null };

/** Starts `count` runs at once over tRPC; resolves with the wall time until the last one finished (server clock). */
async function timeRuns(server: BenchServer, flowId: string, count: number): Promise<number> {
  const started = Date.now();
  const runIds = new Set((await Promise.all(Array.from({ length: count }, () => rpc<{ runId: string }>(server.base, "run.start", { flowId, input: "go" })))).map((run) => run.runId));
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const runs = (await rpc<ListedRun[]>(server.base, "run.list", { flowId }, "query")).filter((run) => runIds.has(run.id));
    if (runs.length < count || runs.some((run) => !run.finishedAt)) continue;
    const failed = runs.filter((run) => run.status !== "succeeded");
    if (failed.length > 0) throw new Error(`${failed.length} runs did not succeed (${failed[0]!.status})`);
    return Math.max(...runs.map((run) => new Date(run.finishedAt!).getTime())) - started;
  }
}

/** One warm-up run, then the median of single runs and the median of batches; reports their ratio. */
async function concurrencyRow(bench: RunBench, target: Target, flowId: string, beforeBatches: () => void = () => {}): Promise<void> {
  await timeRuns(bench.server, flowId, 1);
  const single: number[] = [];
  for (let attempt = 0; attempt < SINGLE_ATTEMPTS; attempt += 1) single.push(await timeRuns(bench.server, flowId, 1));
  beforeBatches();
  const batch: number[] = [];
  for (let attempt = 0; attempt < BATCH_ATTEMPTS; attempt += 1) batch.push(await timeRuns(bench.server, flowId, CONCURRENT_RUNS));
  const ratio = median(batch) / median(single);
  report(target, ratio, `one run ${formatMs(median(single))}, ${CONCURRENT_RUNS} at once ${formatMs(median(batch))}`);
}

/**
 * Reports both concurrency rows (a failed one as not measured, the other still runs), then the peak RSS over
 * their batches of concurrent runs.
 */
export async function measureConcurrency(bench: RunBench): Promise<void> {
  const { server, ollama } = bench;
  let isPeakReset = false;
  const before = serverMemoryKiB(server, "VmRSS");
  await measuring([runTargets.concurrentChain], async () => {
    ollama.setDefault(chainReply);
    const flowId = await createFlow(bench, "Concurrency benchmark: 5 nodes", fiveNodeGraph(ollama.url));
    await concurrencyRow(bench, runTargets.concurrentChain, flowId, () => void (isPeakReset = resetServerPeakRss(server)));
  });
  await measuring([runTargets.concurrentAgent], async () => {
    ollama.setDefault(agentReply);
    const flowId = await createFlow(bench, "Concurrency benchmark: agent", agentGraph({ baseUrl: ollama.url }));
    await concurrencyRow(bench, runTargets.concurrentAgent, flowId);
  });
  const peak = serverMemoryKiB(server, "VmHWM") / 1024;
  const since = isPeakReset ? "since the first batch started" : "since the server started (the kernel refused to reset the peak)";
  report(runTargets.peakRss, peak, `VmHWM ${since}; ${(before / 1024).toFixed(0)} MiB before`);
}

// Server RSS in steady state: many runs of the three-perspectives template over the HTTP API, 20 at a time
// (each of 20 clients starts its next run when its last one ends), VmRSS sampled over the last quarter of runs.
// BENCH_STEADY_RUNS overrides the number of runs (3,000; 30 in smoke mode).
import { runOverApi } from "./api-client.ts";
import { agentReply, createFlow, threePerspectivesGraph, type RunBench } from "./run-fixtures.ts";
import { serverMemoryKiB } from "./run-server.ts";
import { report, sized } from "./report.ts";
import { median } from "./stats.ts";
import { runTargets } from "./targets.ts";

const RUNS = Number(process.env.BENCH_STEADY_RUNS ?? sized(3000, 30));
export const STEADY_AT_A_TIME = 20;
const SAMPLE_EVERY_MS = 200;

/** Reports the median VmRSS over the last quarter of the runs (the max and the final reading in the detail). */
export async function measureSteadyState(bench: RunBench): Promise<void> {
  if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`BENCH_STEADY_RUNS must be a whole number above 0, got "${process.env.BENCH_STEADY_RUNS}"`);
  bench.ollama.setDefault(agentReply);
  const flowId = await createFlow(bench, "Steady-state benchmark: three perspectives", threePerspectivesGraph(bench.ollama.url));
  const samples: number[] = [];
  const rssMiB = () => serverMemoryKiB(bench.server, "VmRSS") / 1024;
  const startRss = rssMiB();
  let started = 0;
  let finished = 0;
  let lastSampleAt = 0;
  const client = async () => {
    while (started < RUNS) {
      started += 1;
      await runOverApi(bench.server.base, bench.apiKey, flowId);
      finished += 1;
      const isLastQuarter = finished >= RUNS * 0.75;
      if (isLastQuarter && performance.now() - lastSampleAt >= SAMPLE_EVERY_MS) {
        lastSampleAt = performance.now();
        samples.push(rssMiB());
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(STEADY_AT_A_TIME, RUNS) }, client));
  const endRss = rssMiB();
  samples.push(endRss);
  const detail = `${RUNS} runs, ${STEADY_AT_A_TIME} at a time; ${samples.length} samples, max ${Math.max(...samples).toFixed(0)} MiB, at the end ${endRss.toFixed(0)} MiB, before ${startRss.toFixed(0)} MiB`;
  report(runTargets.steadyRss, median(samples), detail);
}

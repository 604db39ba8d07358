// `npm run bench -- run`: the run performance targets (and the chunk-to-page latency targets), against a
// production server started here with its own temporary database and a local Ollama-protocol model server.
// Needs `npm run build` first. Each figure prints as a row with PASS or MISS (bench/report.ts); the measurements
// live in run-latency, run-concurrency, run-overhead, run-storage and run-steady.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startOllamaServer } from "@/testing/servers/ollama";
import { createApiKey } from "./api-client.ts";
import { CONCURRENT_RUNS, measureConcurrency } from "./run-concurrency.ts";
import type { RunBench } from "./run-fixtures.ts";
import { measureChunkToPage } from "./run-latency.ts";
import { measureOverhead } from "./run-overhead.ts";
import { serverMemoryKiB, startBenchServer, stopBenchServer, type BenchServer } from "./run-server.ts";
import { STEADY_AT_A_TIME, measureSteadyState } from "./run-steady.ts";
import { measureStorage } from "./run-storage.ts";
import { measuring, report } from "./report.ts";
import { runFigures, runTargets } from "./targets.ts";

export default async function runBenchmark(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "osmen-bench-run-"));
  const ollama = await startOllamaServer();
  let server: BenchServer | undefined;
  try {
    // Enough concurrent runs allowed that no measured run waits in the server's queue.
    server = await startBenchServer(dataDir, { OSMEN_MAX_CONCURRENT_RUNS: String(Math.max(CONCURRENT_RUNS, STEADY_AT_A_TIME)) });
    report(runFigures.idleRss, serverMemoryKiB(server, "VmRSS") / 1024, "after its health check answered");
    const bench: RunBench = { server, ollama, apiKey: await createApiKey(server.base) };
    await measuring([runTargets.chunkToPageP50, runTargets.chunkToPageP99], () => measureChunkToPage(bench));
    await measureConcurrency(bench);
    await measureOverhead(bench);
    await measureStorage(bench);
    // Last: thousands of runs leave the server's heap larger than the other measurements should see it.
    await measuring([runTargets.steadyRss], () => measureSteadyState(bench));
  } finally {
    if (server) await stopBenchServer(server);
    await ollama.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// Runs over the HTTP API of a production server, for a CPU profile or heap snapshots of the server process:
//   PROFILE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" npx tsx bench/run-http-profile.ts
// (the server's processes write their profiles when it stops; the largest is the Next.js server's).
// PROFILE_FLOW picks the flow (agent, chain or three, the three-perspectives template), PROFILE_RUNS the runs
// (300), PROFILE_AT_ONCE how many at a time (1). With PROFILE_SNAPSHOTS=1 the server writes a heap snapshot
// (in its working directory) after a third of the runs and again at the end, to compare what stayed.
// Needs `npm run build` first; the figures it prints are a rough wall time, not benchmark results.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { agentGraph, chainGraph } from "@/testing/flow-graphs";
import { startOllamaServer } from "@/testing/servers/ollama";
import { createApiKey, runOverApi } from "./api-client.ts";
import { agentReply, createFlow, threePerspectivesGraph, type RunBench } from "./run-fixtures.ts";
import { serverMemoryKiB, serverProcessIds, startBenchServer, stopBenchServer } from "./run-server.ts";

const RUNS = Number(process.env.PROFILE_RUNS ?? 300);
const AT_ONCE = Number(process.env.PROFILE_AT_ONCE ?? 1);
const FLOW = process.env.PROFILE_FLOW ?? "agent";
const isSnapshotting = process.env.PROFILE_SNAPSHOTS === "1";

const graphOf = (baseUrl: string) =>
  FLOW === "chain" ? chainGraph(2, { baseUrl }) : FLOW === "three" ? threePerspectivesGraph(baseUrl) : agentGraph({ baseUrl });

async function runMany(bench: RunBench, flowId: string, count: number): Promise<void> {
  let started = 0;
  const client = async () => {
    while (started < count) {
      started += 1;
      await runOverApi(bench.server.base, bench.apiKey, flowId);
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, count) }, client));
}

/** Asks every process of the server to write a heap snapshot (node's --heapsnapshot-signal=SIGUSR2). */
async function snapshot(bench: RunBench): Promise<void> {
  for (const pid of serverProcessIds(bench.server)) process.kill(pid, "SIGUSR2");
  await new Promise((resolve) => setTimeout(resolve, 15_000));
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), "osmen-profile-"));
  const ollama = await startOllamaServer();
  const nodeArgs = [...(process.env.PROFILE_NODE_ARGS ?? "").split(" ").filter(Boolean), ...(isSnapshotting ? ["--heapsnapshot-signal=SIGUSR2"] : [])];
  const server = await startBenchServer(dataDir, { OSMEN_MAX_CONCURRENT_RUNS: "100" }, nodeArgs);
  try {
    const bench: RunBench = { server, ollama, apiKey: await createApiKey(server.base) };
    ollama.setDefault(agentReply);
    const flowId = await createFlow(bench, "Profile", graphOf(ollama.url));
    const rss = () => `${(serverMemoryKiB(server, "VmRSS") / 1024).toFixed(0)} MiB`;
    const started = performance.now();
    const third = Math.floor(RUNS / 3);
    await runMany(bench, flowId, third);
    console.log(`${third} runs: ${(performance.now() - started).toFixed(0)} ms, RSS ${rss()}`);
    if (isSnapshotting) await snapshot(bench);
    await runMany(bench, flowId, RUNS - third);
    console.log(`${RUNS} ${FLOW} runs, ${AT_ONCE} at a time: ${(performance.now() - started).toFixed(0)} ms, RSS ${rss()}`);
    if (isSnapshotting) await snapshot(bench);
  } finally {
    await stopBenchServer(server);
    await ollama.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();

// Run benchmark, against a production server started here (own temporary database; `npm run build` first):
// (a) latency from a provider chunk leaving the local Ollama-protocol server to the same text reaching the
//     page in Chromium, at 50 chunks per second: p50 and p99 (targets 15 ms and 60 ms);
// (b) 50 concurrent runs of a 5-node flow whose provider takes 50 ms per call: wall time against one run
//     (target at most 1.5 times), and the server's peak RSS.
// Prints the figures; asserts nothing.
import { ServerResponse } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Page } from "@playwright/test";
import { chainGraph, chatGraph } from "@/testing/flow-graphs";
import { startOllamaServer } from "@/testing/servers/ollama";
import type { ScriptedServer } from "@/testing/servers/scripted-server";
import { followMarkers, rpc, serverPeakRssKiB, startBenchServer, stopBenchServer, type BenchServer } from "./run-server.ts";
import { formatMs, median, percentile } from "./stats.ts";

const CHUNKS = 500;
const WARM_UP_CHUNKS = 50; // the first second: the page and the side subscriber attach meanwhile
const CHUNK_INTERVAL_MS = 20; // 50 chunks per second
const CONCURRENT_RUNS = 50;
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

const now = () => performance.timeOrigin + performance.now();
const marker = (index: number) => `m${index}x `;

/**
 * When each marked chunk leaves the model server. The shared scripted server writes the chunks itself, so
 * the writes are observed where they happen: on ServerResponse.write in this process.
 */
function recordChunkWrites(): { sent: Map<number, number>; restore: () => void } {
  const sent = new Map<number, number>();
  const original = ServerResponse.prototype.write;
  ServerResponse.prototype.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    const time = now();
    const found = typeof chunk === "string" ? /"content":"m(\d+)x /.exec(chunk) : null;
    if (found && !sent.has(Number(found[1]))) sent.set(Number(found[1]), time);
    return (original as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof original;
  return { sent, restore: () => void (ServerResponse.prototype.write = original) };
}

/** In the page: the time each marker first appears in the llm node's streamed text. */
async function watchMarkers(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: Record<number, number> = {};
    (window as unknown as { __seen: Record<number, number> }).__seen = seen;
    new MutationObserver(() => {
      const text = document.querySelector('.react-flow__node[data-id="llm"] [data-testid="node-run-text"]')?.textContent ?? "";
      const time = performance.timeOrigin + performance.now();
      for (const match of text.matchAll(/m(\d+)x /g)) seen[Number(match[1])] ??= time;
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

/** The run the page started: run.start may still be on its way when the dialog closes. */
async function firstRunOf(server: BenchServer, flowId: string): Promise<string> {
  for (;;) {
    const [run] = await rpc<{ id: string }[]>(server.base, "run.list", { flowId }, "query");
    if (run) return run.id;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function latenciesFrom(sent: Map<number, number>, arrivedAt: (index: number) => number | undefined): number[] {
  const latencies: number[] = [];
  for (let index = WARM_UP_CHUNKS; index < CHUNKS; index += 1) {
    const sentAt = sent.get(index);
    const arrived = arrivedAt(index);
    if (sentAt !== undefined && arrived !== undefined) latencies.push(arrived - sentAt);
  }
  return latencies;
}

async function measureLatency(server: BenchServer, ollama: ScriptedServer): Promise<{ page: number[]; server: number[] }> {
  const flow = await rpc<{ id: string }>(server.base, "flow.create", { name: "Latency benchmark", graph: chatGraph({ baseUrl: ollama.url }) });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const writes = recordChunkWrites();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${server.base}/flows/${flow.id}`);
    await page.locator('.react-flow__node[data-id="llm"]').waitFor();
    await watchMarkers(page);
    ollama.setDefault({ text: Array.from({ length: CHUNKS }, (_, index) => marker(index)), chunkDelayMs: CHUNK_INTERVAL_MS });
    await page.keyboard.press("Control+Enter");
    await page.getByRole("dialog", { name: "Run flow" }).getByLabel("Input").press("Enter");
    const side = followMarkers(server.base, await firstRunOf(server, flow.id), now);
    await page.getByTestId("run-status").filter({ hasText: "Succeeded" }).waitFor({ timeout: 120_000 });
    await side.done;
    const seen = await page.evaluate(() => (window as unknown as { __seen: Record<number, number> }).__seen);
    return { page: latenciesFrom(writes.sent, (index) => seen[index]), server: latenciesFrom(writes.sent, (index) => side.arrived.get(index)) };
  } finally {
    writes.restore();
    await browser.close();
  }
}

type ListedRun = { id: string; status: string; finishedAt: string | Date | null };

/** Starts `count` runs at once; resolves with the wall time until the last one finished (server clock). */
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

async function measureConcurrency(server: BenchServer, ollama: ScriptedServer) {
  // input -> llm -> llm -> output on one model node: five nodes, two model calls. Two chunks 25 ms apart
  // make each call take 50 ms.
  const flow = await rpc<{ id: string }>(server.base, "flow.create", { name: "Concurrency benchmark", graph: chainGraph(2, { baseUrl: ollama.url }) });
  ollama.setDefault({ text: ["ok"], chunkDelayMs: 25 });
  await timeRuns(server, flow.id, 1); // warm-up
  const single: number[] = [];
  for (let attempt = 0; attempt < 5; attempt += 1) single.push(await timeRuns(server, flow.id, 1));
  const concurrent: number[] = [];
  for (let attempt = 0; attempt < 3; attempt += 1) concurrent.push(await timeRuns(server, flow.id, CONCURRENT_RUNS));
  return { single: median(single), concurrent: median(concurrent) };
}

export default async function runBenchmark(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "osmen-bench-run-"));
  const ollama = await startOllamaServer();
  let server: BenchServer | undefined;
  try {
    server = await startBenchServer(dataDir, { OSMEN_MAX_CONCURRENT_RUNS: String(CONCURRENT_RUNS) });
    const latencies = await measureLatency(server, ollama);
    const page = latencies.page;
    console.log(`(a) chunk to page at 50 chunks/s: p50 ${formatMs(percentile(page, 50))} (target 15 ms), p99 ${formatMs(percentile(page, 99))} (target 60 ms); n=${page.length}, max ${formatMs(Math.max(...page))}`);
    console.log(`    of which chunk to SSE client in Node (server share): p50 ${formatMs(percentile(latencies.server, 50))}, p99 ${formatMs(percentile(latencies.server, 99))}`);
    const afterLatency = serverPeakRssKiB(server);
    const { single, concurrent } = await measureConcurrency(server, ollama);
    console.log(`(b) one run of a 5-node flow (2 model calls x 50 ms): ${formatMs(single)}; ${CONCURRENT_RUNS} at once: ${formatMs(concurrent)} = ${(concurrent / single).toFixed(2)}x (target <= 1.5x)`);
    console.log(`    server peak RSS (VmHWM): ${(serverPeakRssKiB(server) / 1024).toFixed(0)} MiB (${(afterLatency / 1024).toFixed(0)} MiB before the concurrent runs)`);
  } finally {
    if (server) stopBenchServer(server);
    await ollama.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

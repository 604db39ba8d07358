// Chunk-to-page latency: from a provider chunk leaving the local Ollama-protocol server to the same text
// appearing in the llm node on the canvas in Chromium, at 50 chunks per second; p50 and p99.
import type { Page } from "@playwright/test";
import { chatGraph } from "@/testing/flow-graphs";
import { launchBrowser } from "./browser.ts";
import { createFlow, marker, now, recordChunkWrites, type RunBench } from "./run-fixtures.ts";
import { rpc } from "./run-server.ts";
import { report, sized } from "./report.ts";
import { formatMs, percentile } from "./stats.ts";
import { runTargets } from "./targets.ts";

const CHUNKS = sized(500, 100);
const WARM_UP_CHUNKS = sized(50, 20); // the first chunks: the page and the side subscriber attach meanwhile
const CHUNK_INTERVAL_MS = 20; // 50 chunks per second

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
async function firstRunOf(base: string, flowId: string): Promise<string> {
  for (;;) {
    const [run] = await rpc<{ id: string }[]>(base, "run.list", { flowId }, "query");
    if (run) return run.id;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Follows run.events the way the browser's httpSubscriptionLink does (GET, server-sent events) and records
 * when each marker first arrives: the server's share of the chunk-to-page latency.
 */
function followMarkers(base: string, runId: string): { arrived: Map<number, number>; done: Promise<void> } {
  const arrived = new Map<number, number>();
  const input = encodeURIComponent(JSON.stringify({ json: { runId, afterSeq: 0 } }));
  const done = (async () => {
    const response = await fetch(`${base}/api/trpc/run.events?input=${input}`, { headers: { accept: "text/event-stream" } });
    const decoder = new TextDecoder();
    for await (const part of response.body as unknown as AsyncIterable<Uint8Array>) {
      const time = now();
      for (const match of decoder.decode(part, { stream: true }).matchAll(/m(\d+)x /g)) if (!arrived.has(Number(match[1]))) arrived.set(Number(match[1]), time);
    }
  })();
  return { arrived, done };
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

async function pageLatencies(bench: RunBench): Promise<{ page: number[]; server: number[] }> {
  const { server, ollama } = bench;
  const flowId = await createFlow(bench, "Latency benchmark", chatGraph({ baseUrl: ollama.url }));
  const browser = await launchBrowser();
  const writes = recordChunkWrites();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${server.base}/flows/${flowId}`);
    await page.locator('.react-flow__node[data-id="llm"]').waitFor();
    await watchMarkers(page);
    ollama.setDefault({ text: Array.from({ length: CHUNKS }, (_, index) => marker(index)), chunkDelayMs: CHUNK_INTERVAL_MS });
    await page.keyboard.press("Control+Enter");
    await page.getByRole("dialog", { name: "Run flow" }).getByLabel("Input").press("Enter");
    const side = followMarkers(server.base, await firstRunOf(server.base, flowId));
    await page.getByTestId("run-status").filter({ hasText: "Succeeded" }).waitFor({ timeout: 120_000 });
    await side.done;
    const seen = await page.evaluate(() => (window as unknown as { __seen: Record<number, number> }).__seen);
    return { page: latenciesFrom(writes.sent, (index) => seen[index]), server: latenciesFrom(writes.sent, (index) => side.arrived.get(index)) };
  } finally {
    writes.restore();
    await browser.close();
  }
}

/** Reports the chunk-to-page p50 and p99 rows; the server's share (to an SSE client in Node) goes in their detail. */
export async function measureChunkToPage(bench: RunBench): Promise<void> {
  const latencies = await pageLatencies(bench);
  const { page, server } = latencies;
  if (page.length === 0) throw new Error("no chunk reached the page");
  const detail = (p: number) => `n=${page.length}; chunk to SSE client in Node: ${formatMs(percentile(server, p))}`;
  report(runTargets.chunkToPageP50, percentile(page, 50), detail(50));
  report(runTargets.chunkToPageP99, percentile(page, 99), `${detail(99)}; max ${formatMs(Math.max(...page))}`);
}

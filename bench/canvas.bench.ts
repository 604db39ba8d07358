// Canvas benchmark: a 500-node, 600-edge flow opened in headless Chromium against a production server
// started here (own temporary database), until every node is rendered and measured and the canvas
// answers a click; then the server time of saving that flow. Needs `npm run build` first.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser } from "@playwright/test";
import { formatMs, median, percentile } from "./stats.ts";

const PORT = Number(process.env.BENCH_PORT ?? 3291);
const BASE = `http://127.0.0.1:${PORT}`;
const OPEN_RUNS = 5;
const SAVE_RUNS = 20;
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

type Graph = { version: number; nodes: unknown[]; edges: unknown[] };

/** 500 prompt nodes on a 25-wide grid; each feeds the next (499 edges) and the first 101 also feed the one after next. */
export function benchGraph(nodeCount = 500, edgeCount = 600): Graph {
  const nodes = Array.from({ length: nodeCount }, (_, index) => ({
    id: `n${index}`,
    type: "prompt",
    position: { x: (index % 25) * 260, y: Math.floor(index / 25) * 200 },
    data: { config: { template: "Step {{a}} then {{b}}" } },
  }));
  const edge = (from: number, to: number, port: string) => ({ id: `e${from}-${to}`, source: `n${from}`, sourceHandle: "text", target: `n${to}`, targetHandle: port });
  const chain = Array.from({ length: nodeCount - 1 }, (_, index) => edge(index, index + 1, "a"));
  const skips = Array.from({ length: edgeCount - chain.length }, (_, index) => edge(index, index + 2, "b"));
  return { version: 1, nodes, edges: [...chain, ...skips] };
}

async function rpc<Output>(path: string, input: unknown): Promise<Output> {
  const response = await fetch(`${BASE}/api/trpc/${path}`, { method: "POST", headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" }, body: JSON.stringify({ json: input }) });
  const body = (await response.json()) as { result?: { data: { json: Output } }; error?: unknown };
  if (!body.result) throw new Error(`${path} failed: ${JSON.stringify(body.error)}`);
  return body.result.data.json;
}

async function startServer(dataDir: string): Promise<ChildProcess> {
  const server = spawn("npx", ["next", "start", "-p", String(PORT)], {
    // A throwaway vault key for a throwaway database: the production server refuses to start without one.
    env: {
      ...process.env,
      DATABASE_URL: `file:${dataDir}/bench.db`,
      OSMEN_DATA_DIR: dataDir,
      OSMEN_SECRET_KEY: randomBytes(32).toString("base64"),
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: "ignore",
    detached: true,
  });
  for (let attempt = 0; attempt < 120; attempt += 1) {
    const healthy = await fetch(`${BASE}/api/health`).then((response) => response.ok, () => false);
    if (healthy) return server;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the server did not become healthy in 60 s (did `npm run build` run?)");
}

async function timeOpen(browser: Browser, flowId: string): Promise<{ rendered: number; interactive: number }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const started = performance.now();
  await page.goto(`${BASE}/flows/${flowId}`, { waitUntil: "commit" });
  // xyflow keeps a node hidden until it is measured: "rendered" means all 500 present and visible.
  await page.waitForFunction(() => {
    const nodes = document.querySelectorAll<HTMLElement>(".react-flow__node");
    return nodes.length === 500 && [...nodes].every((node) => node.style.visibility !== "hidden");
  }, undefined, { polling: "raf", timeout: 60_000 });
  const rendered = performance.now() - started;
  const box = await page.locator('.react-flow__node[data-id="n0"]').boundingBox();
  if (!box) throw new Error("node n0 is not on screen");
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.locator('.react-flow__node[data-id="n0"].selected').waitFor({ timeout: 30_000 });
  const interactive = performance.now() - started;
  await context.close();
  return { rendered, interactive };
}

async function timeSaves(flow: { id: string; version: number }, graph: Graph): Promise<number[]> {
  const times: number[] = [];
  let version = flow.version;
  for (let run = 0; run < SAVE_RUNS; run += 1) {
    const started = performance.now();
    const saved = await rpc<{ version: number }>("flow.update", { id: flow.id, version, graph });
    times.push(performance.now() - started);
    version = saved.version;
  }
  return times;
}

export default async function canvasBenchmark(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "osmen-bench-canvas-"));
  const server = await startServer(dataDir);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    const graph = benchGraph();
    const flow = await rpc<{ id: string; version: number }>("flow.create", { name: "Canvas benchmark", graph });
    await timeOpen(browser, flow.id); // warm-up: first requests compile routes and fill caches
    const opens = [];
    for (let run = 0; run < OPEN_RUNS; run += 1) opens.push(await timeOpen(browser, flow.id));
    const saves = await timeSaves(flow, graph);
    const rendered = opens.map((open) => open.rendered);
    const interactive = opens.map((open) => open.interactive);
    console.log(`flow: ${graph.nodes.length} nodes, ${graph.edges.length} edges, ${(JSON.stringify(graph).length / 1024).toFixed(0)} KiB`);
    console.log(`open until all nodes rendered: median ${formatMs(median(rendered))} (n=${OPEN_RUNS}, max ${formatMs(Math.max(...rendered))})`);
    console.log(`open until the canvas answers a click: median ${formatMs(median(interactive))} (target 2000 ms; n=${OPEN_RUNS}, max ${formatMs(Math.max(...interactive))})`);
    console.log(`save (flow.update round trip on localhost): median ${formatMs(median(saves))}, p90 ${formatMs(percentile(saves, 90))} (target 150 ms; n=${SAVE_RUNS})`);
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid, "SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// `npm run bench -- canvas`: a 500-node, 600-edge flow opened in headless Chromium against a production server
// started here (own temporary database), until every node is rendered and measured and the canvas answers a
// click; then the autosave of one node move: the server time of `flow.update` with the whole graph, as the
// canvas sends it. Needs `npm run build` first. Rows print with PASS or MISS (bench/report.ts).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "@playwright/test";
import { launchBrowser } from "./browser.ts";
import { measuring, report, sized } from "./report.ts";
import { rpc, startBenchServer, stopBenchServer } from "./run-server.ts";
import { formatMs, median, percentile } from "./stats.ts";
import { canvasTargets } from "./targets.ts";

const OPEN_RUNS = sized(5, 3);
const SAVE_RUNS = sized(20, 5);

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

async function timeOpen(browser: Browser, base: string, flowId: string): Promise<{ rendered: number; interactive: number }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const started = performance.now();
  await page.goto(`${base}/flows/${flowId}`, { waitUntil: "commit" });
  // xyflow keeps a node hidden until it is measured: "rendered" means all 500 present and visible.
  await page.waitForFunction(() => {
    const nodes = document.querySelectorAll<HTMLElement>(".react-flow__node");
    return nodes.length === 500 && [...nodes].every((node) => node.style.visibility !== "hidden");
  }, undefined, { polling: "raf", timeout: 60_000 });
  const rendered = performance.now() - started;
  const box = await page.locator('.react-flow__node[data-id="n0"]').boundingBox();
  if (!box) throw new Error("node n0 is not on screen");
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.locator('.react-flow__node[data-id="n0"].selected').waitFor({ timeout: 60_000 });
  const interactive = performance.now() - started;
  await context.close();
  return { rendered, interactive };
}

/** A copy of the graph with node n0 moved by `step` grid cells: what the canvas autosaves after a drag. */
function withFirstNodeMoved(graph: Graph, step: number): Graph {
  const nodes = graph.nodes.map((node, index) => (index === 0 ? { ...(node as object), position: { x: step * 20, y: step * 20 } } : node));
  return { ...graph, nodes };
}

/** `count` round trips of `flow.update` on localhost, each saving one node move: milliseconds each, and the new version. */
async function timeSaves(base: string, flow: { id: string; version: number }, graph: Graph, count: number): Promise<{ times: number[]; version: number }> {
  const times: number[] = [];
  let version = flow.version;
  for (let run = 0; run < count; run += 1) {
    const moved = withFirstNodeMoved(graph, run + 1);
    const started = performance.now();
    const saved = await rpc<{ version: number }>(base, "flow.update", { id: flow.id, version, graph: moved });
    times.push(performance.now() - started);
    version = saved.version;
  }
  return { times, version };
}

export default async function canvasBenchmark(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "osmen-bench-canvas-"));
  const server = await startBenchServer(dataDir);
  const browser = await launchBrowser();
  try {
    const graph = benchGraph();
    const flow = await rpc<{ id: string; version: number }>(server.base, "flow.create", { name: "Canvas benchmark", graph });
    await measuring([canvasTargets.openUntilClick], async () => {
      await timeOpen(browser, server.base, flow.id); // warm-up: first requests compile routes and fill caches
      const opens = [];
      for (let run = 0; run < OPEN_RUNS; run += 1) opens.push(await timeOpen(browser, server.base, flow.id));
      const rendered = opens.map((open) => open.rendered);
      const interactive = opens.map((open) => open.interactive);
      const size = `${graph.nodes.length} nodes, ${graph.edges.length} edges, ${(JSON.stringify(graph).length / 1024).toFixed(0)} KiB`;
      report(canvasTargets.openUntilClick, median(interactive), `${size}; all nodes rendered at ${formatMs(median(rendered))}; n=${OPEN_RUNS}, max ${formatMs(Math.max(...interactive))}`);
    });
    await measuring([canvasTargets.autosaveMove], async () => {
      const warm = await timeSaves(server.base, flow, graph, 3);
      const saves = (await timeSaves(server.base, { id: flow.id, version: warm.version }, graph, SAVE_RUNS)).times;
      report(canvasTargets.autosaveMove, median(saves), `round trip on localhost; p90 ${formatMs(percentile(saves, 90))}, n=${SAVE_RUNS}`);
    });
  } finally {
    await browser.close();
    await stopBenchServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// npm run bench -- engine
// (a) a 1,000-node chain on an instant provider: engine overhead per node (target <= 0.2 ms);
// (b) 100 parallel branches on a provider that takes 100 ms: wall time over the ideal 100 ms (target <= 1.10).
// Each target prints as a row with PASS or MISS (bench/report.ts).
import { execute } from "@/lib/engine/execute";
import { compile } from "@/lib/flow/compile";
import { createGraphBuilder } from "@/lib/flow/graph-builder";
import type { Plan } from "@/lib/flow/plan";
import { streamChat } from "@/lib/flow/stream-text";
import { createScriptedProvider } from "@/testing/scripted-provider";
import { report, sized } from "./report.ts";
import { formatMs, median, percentile } from "./stats";
import { engineTargets } from "./targets.ts";

const CHAIN_WARM_UPS = sized(5, 1);
const CHAIN_RUNS = sized(20, 3);
const FAN_OUT_WARM_UPS = sized(2, 1);
const FAN_OUT_RUNS = sized(5, 2);

function compileOrThrow(graph: unknown): Plan {
  const { plan, diagnostics } = compile(graph);
  if (!plan) throw new Error(diagnostics.map((diagnostic) => diagnostic.message).join("\n"));
  return plan;
}

function chainPlan(nodeCount: number): Plan {
  const builder = createGraphBuilder().node("in", "input").node("model", "provider.ollama");
  let previous = "in.text";
  for (let index = 0; index < nodeCount - 3; index += 1) {
    builder.node(`llm${index}`, "llm").edge("model.model", `llm${index}.model`).edge(previous, `llm${index}.prompt`);
    previous = `llm${index}.text`;
  }
  return compileOrThrow(builder.node("out", "output").edge(previous, "out.value").build());
}

function fanOutPlan(branches: number): Plan {
  const names = Array.from({ length: branches }, (_, index) => `b${index}`);
  const builder = createGraphBuilder()
    .node("in", "input")
    .node("model", "provider.ollama")
    .node("join", "prompt", { template: names.map((name) => `{{${name}}}`).join("\n") })
    .node("out", "output")
    .edge("join.text", "out.value");
  for (const name of names) {
    builder.node(name, "llm").edge("model.model", `${name}.model`).edge("in.text", `${name}.prompt`).edge(`${name}.text`, `join.${name}`);
  }
  return compileOrThrow(builder.build());
}

async function providerOnlyMs(calls: number): Promise<number> {
  const provider = createScriptedProvider({ respond: () => "ok" });
  const signal = new AbortController().signal;
  const started = performance.now();
  for (let index = 0; index < calls; index += 1) await streamChat(provider, [{ role: "user", content: "x" }], { signal });
  return performance.now() - started;
}

async function benchChain(): Promise<void> {
  const nodeCount = 1000;
  const compileStarted = performance.now();
  const plan = chainPlan(nodeCount);
  const compileMs = performance.now() - compileStarted;
  const perNode: number[] = [];
  const providerPerNode: number[] = [];
  for (let round = 0; round < CHAIN_WARM_UPS + CHAIN_RUNS; round += 1) {
    const provider = createScriptedProvider({ respond: () => "ok" });
    const started = performance.now();
    const result = await execute(plan, { input: "go", providers: provider });
    const elapsed = performance.now() - started;
    if (result.status !== "completed") throw new Error(`chain run ${result.status}: ${result.error?.message}`);
    if (round >= CHAIN_WARM_UPS) {
      perNode.push(elapsed / nodeCount);
      providerPerNode.push((await providerOnlyMs(nodeCount - 3)) / nodeCount);
    }
  }
  const overhead = perNode.map((value, index) => value - providerPerNode[index]!);
  console.log(`(a) chain of ${nodeCount} nodes, instant provider, ${CHAIN_RUNS} measured runs after ${CHAIN_WARM_UPS} warm-up`);
  console.log(`    compile: ${formatMs(compileMs)}`);
  console.log(`    wall per node:            median ${formatMs(median(perNode))}, p90 ${formatMs(percentile(perNode, 90))}`);
  console.log(`    scripted provider's share: median ${formatMs(median(providerPerNode))}`);
  report(engineTargets.overheadPerNode, median(overhead), `p90 ${formatMs(percentile(overhead, 90))}`);
}

async function benchFanOut(): Promise<void> {
  const branches = 100;
  const delayMs = 100;
  const plan = fanOutPlan(branches);
  const ratios: number[] = [];
  for (let round = 0; round < FAN_OUT_WARM_UPS + FAN_OUT_RUNS; round += 1) {
    const provider = createScriptedProvider({ respond: () => "ok", delayMs });
    const started = performance.now();
    const result = await execute(plan, { input: "go", providers: provider });
    const elapsed = performance.now() - started;
    if (result.status !== "completed") throw new Error(`fan-out run ${result.status}: ${result.error?.message}`);
    if (round >= FAN_OUT_WARM_UPS) ratios.push(elapsed / delayMs);
  }
  console.log(`(b) ${branches} parallel branches, provider takes ${delayMs} ms, ${FAN_OUT_RUNS} measured runs after ${FAN_OUT_WARM_UPS} warm-up`);
  report(engineTargets.fanOutOverIdeal, median(ratios), `worst ${Math.max(...ratios).toFixed(3)}`);
}

export default async function benchEngine(): Promise<void> {
  await benchChain();
  await benchFanOut();
}

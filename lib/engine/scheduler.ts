// Dataflow scheduling: a node starts the moment its last input is ready, so independent branches run
// concurrently. A failed node's dependents are skipped (naming the failure); after an abort nothing new
// starts and the run settles as soon as the in-flight nodes have stopped.
import { pushTo } from "@/lib/flow/multimap";
import type { Plan, PlanNode } from "@/lib/flow/plan";
import type { NodeOutputs } from "@/lib/flow/run-context";
import type { Failure } from "./errors";
import { gatherInputs, runPlanNode, type NodeResult, type NodeRunSettings } from "./node-runner";
import type { RunEnvironment } from "./run-environment";

export type GraphOutcome = { results: Map<string, NodeOutputs>; firstFailure?: { nodeId: string; failure: Failure } };

type NodeState = "waiting" | "running" | "done" | "failed" | "skipped";

type GraphRun = {
  plan: Plan;
  env: RunEnvironment;
  signal: AbortSignal;
  settings: NodeRunSettings;
  outcome: GraphOutcome;
  state: Map<string, NodeState>;
  pending: Map<string, number>;
  dependents: Map<string, PlanNode[]>;
  /** For skipped nodes: the failed node that caused the skip. */
  rootCause: Map<string, string>;
  active: number;
  settled: number;
  resolve(outcome: GraphOutcome): void;
};

export function runGraph(plan: Plan, env: RunEnvironment, signal: AbortSignal, settings: NodeRunSettings): Promise<GraphOutcome> {
  return new Promise((resolve) => {
    const run: GraphRun = {
      plan, env, signal, settings, resolve,
      outcome: { results: new Map() },
      state: new Map(plan.nodes.map((node) => [node.id, "waiting"])),
      pending: new Map(plan.nodes.map((node) => [node.id, node.dependsOn.length])),
      dependents: new Map(),
      rootCause: new Map(),
      active: 0,
      settled: 0,
    };
    for (const node of plan.nodes) for (const source of node.dependsOn) pushTo(run.dependents, source, node);
    signal.addEventListener("abort", () => finishIfIdle(run), { once: true });
    for (const node of plan.nodes) if (node.dependsOn.length === 0) startOrSkip(run, node);
    finishIfIdle(run);
  });
}

function finishIfIdle(run: GraphRun): void {
  if (run.active === 0 && (run.signal.aborted || run.settled === run.plan.nodes.length)) run.resolve(run.outcome);
}

function startOrSkip(run: GraphRun, node: PlanNode): void {
  const blocker = node.dependsOn.find((source) => run.state.get(source) !== "done");
  if (blocker) return skipNode(run, node, run.rootCause.get(blocker) ?? blocker);
  run.state.set(node.id, "running");
  run.active += 1;
  const inputs = gatherInputs(node, run.outcome.results);
  void runPlanNode(node, inputs, run.env, run.signal, run.settings).then((result) => onNodeSettled(run, node, result));
}

function onNodeSettled(run: GraphRun, node: PlanNode, result: NodeResult): void {
  run.active -= 1;
  run.settled += 1;
  if (result.isOk) {
    run.outcome.results.set(node.id, result.outputs);
    run.state.set(node.id, "done");
  } else {
    run.state.set(node.id, "failed");
    if (!run.signal.aborted) run.outcome.firstFailure ??= { nodeId: node.id, failure: result.failure };
  }
  release(run, node.id);
  finishIfIdle(run);
}

function skipNode(run: GraphRun, node: PlanNode, cause: string): void {
  run.state.set(node.id, "skipped");
  run.rootCause.set(node.id, cause);
  run.settled += 1;
  const causeLabel = run.plan.nodes.find((candidate) => candidate.id === cause)?.label ?? cause;
  run.env.sink.emit({ type: "node.skipped", nodeId: node.id, kind: node.type, blockedBy: cause, reason: `Skipped because "${causeLabel}" failed.` });
  release(run, node.id);
}

function release(run: GraphRun, nodeId: string): void {
  if (run.signal.aborted) return;
  for (const next of run.dependents.get(nodeId) ?? []) {
    const remaining = run.pending.get(next.id)! - 1;
    run.pending.set(next.id, remaining);
    if (remaining === 0) startOrSkip(run, next);
  }
}

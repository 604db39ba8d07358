// Runs one plan node: gathers its inputs, calls its kind with a context, enforces its timeout, and reports
// started/completed/failed. A failure is returned, never thrown: it is an event, not a crash.
import type { NodeCatalog } from "@/lib/flow/catalog";
import type { ChatHistory } from "@/lib/flow/chat-history";
import { toSerializable } from "@/lib/flow/handles";
import type { PlanNode } from "@/lib/flow/plan";
import type { ModelAnswer, NodeInputs, NodeOutputs, NodeRunContext } from "@/lib/flow/run-context";
import type { TokenUsage } from "@/lib/llm/types";
import { childController, raceAbort } from "./abort";
import { answerWarnings } from "./answer-warnings";
import { describeFailure, EngineError, type Failure } from "./errors";
import type { RunEnvironment } from "./run-environment";

export type NodeRunSettings = { catalog: NodeCatalog; runInput: unknown; history: ChatHistory; nodeTimeoutMs: number };

export type NodeResult = { isOk: true; outputs: NodeOutputs } | { isOk: false; failure: Failure };

export function gatherInputs(node: PlanNode, results: Map<string, NodeOutputs>): NodeInputs {
  const inputs: NodeInputs = {};
  for (const [port, refs] of Object.entries(node.inputs)) {
    const values = refs.map((ref) => results.get(ref.source)?.[ref.port]);
    inputs[port] = node.multiple.includes(port) ? values : values[0];
  }
  return inputs;
}

export async function runPlanNode(node: PlanNode, inputs: NodeInputs, env: RunEnvironment, signal: AbortSignal, settings: NodeRunSettings): Promise<NodeResult> {
  const started = Date.now();
  const isVisible = node.mode === "run";
  const timeout = () => new EngineError("node_timeout", `Node "${node.label}" did not finish within ${settings.nodeTimeoutMs} ms.`);
  const control = childController(signal, settings.nodeTimeoutMs, timeout);
  const usage: TokenUsage = { inputTokens: 0, outputTokens: 0 };
  if (isVisible) env.sink.emit({ type: "node.started", nodeId: node.id, kind: node.type });
  try {
    const kind = settings.catalog.get(node.type);
    if (!kind) throw new EngineError("unknown_kind", `This server does not know the node kind "${node.type}".`);
    let answer: ModelAnswer | undefined;
    const context = createNodeContext(node, env, control.signal, settings, usage);
    context.reportAnswer = (reported) => void (answer = reported);
    const outputs = await raceAbort(kind.run(context, inputs, node.config), control.signal);
    if (isVisible) {
      const serialized = Object.fromEntries(Object.entries(outputs).map(([port, value]) => [port, toSerializable(value)]));
      const durationMs = Date.now() - started;
      env.sink.emit({ type: "node.completed", nodeId: node.id, kind: node.type, outputs: serialized, usage, durationMs, ...answerFields(answer) });
    }
    return { isOk: true, outputs };
  } catch (error) {
    const failure = describeFailure(control.signal.aborted ? control.signal.reason : error);
    env.sink.emit({ type: "node.failed", nodeId: node.id, kind: node.type, ...failure, durationMs: Date.now() - started });
    return { isOk: false, failure };
  } finally {
    control.dispose();
  }
}

/** The optional answer fields of `node.completed`; nothing for nodes that asked no model. */
export function answerFields(answer: ModelAnswer | undefined) {
  if (!answer) return {};
  const warnings = answerWarnings(answer);
  return {
    finishReason: answer.finishReason,
    ...(warnings.length > 0 ? { warnings } : {}),
    ...(answer.reasoning ? { reasoning: answer.reasoning } : {}),
  };
}

function createNodeContext(node: PlanNode, env: RunEnvironment, signal: AbortSignal, settings: NodeRunSettings, usage: TokenUsage): NodeRunContext {
  const wanted = new Set(node.wants);
  return {
    runId: env.runId,
    nodeId: node.id,
    signal,
    runInput: settings.runInput,
    history: settings.history,
    wants: (port) => wanted.has(port),
    emit: (activity) => env.sink.emit({ ...activity, nodeId: node.id }),
    addUsage: (more) => {
      usage.inputTokens += more.inputTokens;
      usage.outputTokens += more.outputTokens;
    },
    services: env.services,
  };
}

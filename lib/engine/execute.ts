// execute(plan, options): runs a compiled plan and reports every step as a RunEvent. It always resolves
// with the run's outcome; node failures, timeouts and cancellation are outcomes, not exceptions.
import { setMaxListeners } from "node:events";
import { nodeCatalog, type NodeCatalog } from "@/lib/flow/catalog";
import type { ChatHistory } from "@/lib/flow/chat-history";
import type { Plan } from "@/lib/flow/plan";
import type { NodeOutputs } from "@/lib/flow/run-context";
import type { LLMProvider, TokenUsage } from "@/lib/llm/types";
import type { HttpRequester } from "@/lib/tools/http-client";
import type { RunIntegrations } from "@/lib/tools/integrations";
import { createEventQueue, createEventSink, type EventSink } from "./event-sink";
import { EngineError, describeFailure, type EngineErrorCode, type Failure } from "./errors";
import type { RunEvent, RunEventDraft, RunWarning } from "./events";
import { toProviderResolver, type CredentialResolver, type ProviderResolver } from "./providers";
import { createRunEnvironment } from "./run-services";
import { runGraph, type GraphOutcome } from "./scheduler";
import { setOwn } from "../plain-data.ts";

export type ExecuteOptions = {
  /** The run's input; the input node passes it on as text. */
  input?: unknown;
  /** The conversation before `input` (a chat session's earlier messages), oldest first; the memory node passes it on. Default: none. */
  history?: ChatHistory;
  /**
   * Cancels the run. An abort whose reason is an EngineError ends the run with that error (a worker that is
   * stopping ends its runs `interrupted`); any other reason ends it `cancelled`.
   */
  signal?: AbortSignal;
  /** A resolver from a model node's settings to a provider, or one provider for every model. Default: the provider layer. */
  providers?: ProviderResolver | LLMProvider;
  onEvent?: (event: RunEvent) => void;
  runId?: string;
  /** Per-node limit; default 5 minutes. */
  nodeTimeoutMs?: number;
  /** Whole-run limit; default 30 minutes. */
  runTimeoutMs?: number;
  /** Default: the SSRF-safe client honouring OSMEN_HTTP_ALLOWLIST. */
  http?: HttpRequester;
  catalog?: NodeCatalog;
  now?: () => Date;
  /**
   * Connected accounts for nodes that declare an integration (NodeKind.integration), bound to the run's user,
   * e.g. `{ google: createGoogleServices(...) }`. Default: none.
   */
  integrations?: RunIntegrations;
  /** The run user's stored credentials for nodes other than models (an MCP server's header). Default: none. */
  resolveCredential?: CredentialResolver;
};

export type RunStatus = "completed" | "failed" | "cancelled";

export type RunResult = {
  runId: string;
  status: RunStatus;
  /** The single output's value, or an object keyed by output name when there are several. */
  output: unknown;
  outputs: Record<string, unknown>;
  error?: { code: EngineErrorCode; message: string; nodeId?: string; errorKind?: Failure["errorKind"]; hint?: string };
  usage: TokenUsage;
  /** Every node's warnings (an empty or cut-off answer...), in the order they happened. */
  warnings: RunWarning[];
  durationMs: number;
  lastSeq: number;
};

export async function execute(plan: Plan, options: ExecuteOptions = {}): Promise<RunResult> {
  const runId = options.runId ?? crypto.randomUUID();
  const usage: TokenUsage = { inputTokens: 0, outputTokens: 0 };
  const warnings: RunWarning[] = [];
  const sink = createEventSink(runId, (event) => {
    if (event.type === "node.completed") {
      usage.inputTokens += event.usage.inputTokens;
      usage.outputTokens += event.usage.outputTokens;
      for (const warning of event.warnings ?? []) warnings.push({ nodeId: event.nodeId, ...warning });
    }
    options.onEvent?.(event);
  });
  const started = Date.now();
  const control = runControl(options);
  const env = createRunEnvironment({ runId, sink, resolveProvider: toProviderResolver(options.providers), http: options.http, now: options.now, integrations: options.integrations, resolveCredential: options.resolveCredential });
  sink.emit({ type: "run.started", input: options.input ?? null, nodeIds: plan.nodes.map((node) => node.id) });
  try {
    const settings = { catalog: options.catalog ?? nodeCatalog, runInput: options.input, history: options.history ?? [], nodeTimeoutMs: options.nodeTimeoutMs ?? 300_000 };
    const outcome = await runGraph(plan, env, control.signal, settings);
    return finishRun(plan, outcome, { runId, sink, usage, warnings, durationMs: Date.now() - started, signal: control.signal });
  } finally {
    control.dispose();
    await env.dispose();
  }
}

/** The same run as an async iterable of events, plus the final result. */
export function executeStream(plan: Plan, options: ExecuteOptions = {}): { events: AsyncIterable<RunEvent>; result: Promise<RunResult> } {
  const queue = createEventQueue<RunEvent>();
  const result = execute(plan, {
    ...options,
    onEvent: (event) => {
      options.onEvent?.(event);
      queue.push(event);
    },
  }).finally(() => queue.close());
  return { events: queue.iterable, result };
}

function runControl(options: ExecuteOptions) {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  const onCancel = () => {
    const reason = options.signal?.reason;
    controller.abort(reason instanceof EngineError ? reason : new EngineError("cancelled", "The run was cancelled."));
  };
  if (options.signal?.aborted) onCancel();
  options.signal?.addEventListener("abort", onCancel, { once: true });
  const limit = options.runTimeoutMs ?? 1_800_000;
  const timer = setTimeout(() => controller.abort(new EngineError("run_timeout", `The run did not finish within ${limit} ms.`)), limit);
  return {
    signal: controller.signal,
    dispose() {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onCancel);
    },
  };
}

type FinishContext = { runId: string; sink: EventSink; usage: TokenUsage; warnings: RunWarning[]; durationMs: number; signal: AbortSignal };

function finishRun(plan: Plan, outcome: GraphOutcome, context: FinishContext): RunResult {
  const outputs = collectOutputs(plan, outcome.results);
  const output = plan.outputs.length === 1 ? outputs[plan.outputs[0]!.name] : outputs;
  const result = { runId: context.runId, output, outputs, usage: context.usage, warnings: context.warnings, durationMs: context.durationMs };
  const warnings = context.warnings.length > 0 ? { warnings: context.warnings } : {};
  let terminal: RunEventDraft;
  let status: RunStatus;
  let error: RunResult["error"];
  if (context.signal.aborted) {
    const failure = describeFailure(context.signal.reason);
    status = failure.code === "cancelled" ? "cancelled" : "failed";
    error = failure;
    terminal = status === "cancelled"
      ? { type: "run.cancelled", reason: failure.message, durationMs: context.durationMs }
      : { type: "run.failed", ...failure, durationMs: context.durationMs, ...warnings };
  } else if (outcome.firstFailure) {
    const { nodeId, failure } = outcome.firstFailure;
    status = "failed";
    const label = plan.nodes.find((node) => node.id === nodeId)?.label ?? nodeId;
    error = { ...failure, message: `Node "${label}" failed: ${failure.message}`, nodeId };
    terminal = { type: "run.failed", ...error, durationMs: context.durationMs, ...warnings };
  } else {
    status = "completed";
    terminal = { type: "run.completed", output, outputs, usage: context.usage, durationMs: context.durationMs, ...warnings };
  }
  context.sink.emit(terminal);
  return { ...result, status, ...(error ? { error } : {}), lastSeq: context.sink.lastSeq };
}

function collectOutputs(plan: Plan, results: Map<string, NodeOutputs>): Record<string, unknown> {
  const outputs: Record<string, unknown> = {};
  for (const { nodeId, name } of plan.outputs) {
    if (results.has(nodeId)) setOwn(outputs, name, results.get(nodeId)!.value);
  }
  return outputs;
}

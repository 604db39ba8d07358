// The benchmark's targets in one place: the performance targets for runs and the canvas, the chunk-to-page latency
// targets the run benchmark had already printed, and the engine's and provider adapters' own targets; and the
// figures measured without a target (queue mode's throughput). The README's benchmark section lists the same rows.

/**
 * A figure reported for information, with no bound to pass or miss. `unit` is printed after the value ("x" for a
 * ratio, "" for a bare count or flag).
 */
export type Figure = { measure: string; unit: string };

/** A figure with a target: `direction` "max" means the value must be at most `target` (lower is better), "min" at least. */
export type Target = Figure & { target: number; direction: "max" | "min" };

const atMost = (measure: string, target: number, unit: string): Target => ({ measure, unit, target, direction: "max" });

export const runTargets = {
  chunkToPageP50: atMost("chunk to page at 50 chunks/s, p50", 15, "ms"),
  chunkToPageP99: atMost("chunk to page at 50 chunks/s, p99", 60, "ms"),
  concurrentChain: atMost("50 concurrent runs of the 5-node flow / one run", 1.5, "x"),
  concurrentAgent: atMost("50 concurrent runs of input -> agent -> output / one run", 1.5, "x"),
  addedPerRun: atMost("server time added per run over the raw model call (agent flow, median)", 4, "ms"),
  addedFirstToken: atMost("time to first token added over the model's first chunk (SSE run, median)", 3, "ms"),
  peakRss: atMost("server peak RSS during the 50 concurrent runs", 200, "MiB"),
  steadyRss: atMost("server RSS in steady state (three-perspectives runs, 20 at a time)", 250, "MiB"),
  rowsPerLongAnswer: atMost("stored rows per run of a 1,000-token answer", 50, "rows"),
  replayMismatch: atMost("replay of that run differs from the answer (1 = yes, 0 = lossless)", 0, ""),
  bytesPerTemplateRun: atMost("stored size per run of the three-perspectives template", 4, "KB"),
} satisfies Record<string, Target>;

/**
 * What the server's CPU costs, informational: one run, and one request that does nothing, which bounds from below
 * what any run started over HTTP can cost. The server executes JavaScript on one thread, so 50 runs at once end
 * within 1.5x of one run only if 50 runs' CPU fits in 1.5 run times (3.6 ms each for a 120 ms run).
 */
export const runFigures = {
  cpuPerRun: { measure: "server CPU per run over the API (input -> agent -> output, sequential)", unit: "ms" },
  cpuPerEmptyRequest: { measure: "server CPU per request to a route that does nothing (/api/health/live, 50 at once)", unit: "ms" },
  idleRss: { measure: "server RSS once started, before any run (the floor under both RSS rows)", unit: "MiB" },
} satisfies Record<string, Figure>;

export const canvasTargets = {
  openUntilClick: atMost("500-node / 600-edge flow: open until the canvas answers a click (median)", 2000, "ms"),
  autosaveMove: atMost("500-node flow: autosave of one node move, server time (median)", 30, "ms"),
} satisfies Record<string, Target>;

export const engineTargets = {
  overheadPerNode: atMost("1,000-node chain, instant provider: engine overhead per node (median)", 0.2, "ms"),
  fanOutOverIdeal: atMost("100 parallel branches on a 100 ms provider: wall time / ideal (median)", 1.1, "x"),
} satisfies Record<string, Target>;

/** The provider adapter's cost over consuming the same SDK's stream directly, per provider. */
export const llmTargets = (provider: string) => ({
  addedPercent: atMost(`${provider} adapter: time added over the raw SDK`, 10, "%"),
  addedPerChunk: atMost(`${provider} adapter: time added per streamed chunk`, 50, "µs"),
});

/** Queue mode against one process: throughput of the same runs, informational (no target names a bound). */
export const queueFigures = {
  oneProcess: { measure: "500 runs of the 5-node flow in one process: throughput", unit: "runs/s" },
  queueMode: { measure: "the same 500 runs in queue mode (1 app instance, 2 workers): throughput", unit: "runs/s" },
  ratio: { measure: "queue mode throughput / one process throughput", unit: "x" },
} satisfies Record<string, Figure>;

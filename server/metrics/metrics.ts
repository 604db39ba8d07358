// The app's Prometheus metrics: one registry per App, holding the default process metrics and every
// osmen_* metric. Labels take values from small fixed sets only (run statuses, sources, node kinds, provider
// names, route templates), so a scrape stays the same size however many runs and requests there are.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** Seconds; covers a tool call (ms) up to a long agent run (minutes). */
const DURATION_BUCKETS = [0.005, 0.025, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 180, 600];

/**
 * What the gauges read at scrape time: runs executing and runs waiting. Local mode answers at once from the
 * run service's slots; queue mode reads BullMQ's job counts from Redis, so it may answer with a promise.
 */
export type RunStats = () => RunCounts | Promise<RunCounts>;
export type RunCounts = { running: number; queued: number };

/** The readiness parts at scrape time, each true when ok (server/health/readiness.ts). */
export type ReadinessParts = () => Promise<Record<string, boolean>>;

export type Metrics = ReturnType<typeof createMetrics>;

/**
 * Builds a registry with the default process metrics and the osmen_* metrics. `runStats` feeds
 * osmen_runs_in_progress and osmen_run_queue_depth, `readiness` feeds osmen_ready, when Prometheus scrapes.
 * When `runStats` fails (Redis away) both gauges read NaN for that scrape instead of failing the whole
 * scrape or repeating a stale count; osmen_ready{part="redis"} says why.
 */
export function createMetrics(runStats: RunStats = () => ({ running: 0, queued: 0 }), readiness?: ReadinessParts) {
  const readRunStats = oneReadPerScrape(runStats);
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    runsTotal: new Counter({
      name: "osmen_runs_total",
      help: "Runs that ended, by final status (succeeded, failed, cancelled) and how they were started (canvas, api, ...).",
      labelNames: ["status", "source"] as const,
      registers,
    }),
    runDuration: new Histogram({
      name: "osmen_run_duration_seconds",
      help: "Wall time of runs that ended, from start to their last event, by final status.",
      labelNames: ["status"] as const,
      buckets: DURATION_BUCKETS,
      registers,
    }),
    runsInProgress: new Gauge({
      name: "osmen_runs_in_progress",
      help: "Runs executing now in this process.",
      registers,
      async collect() {
        this.set((await readRunStats())?.running ?? Number.NaN);
      },
    }),
    runQueueDepth: new Gauge({
      name: "osmen_run_queue_depth",
      help: "Runs waiting for a free slot in this process (OSMEN_MAX_CONCURRENT_RUNS).",
      registers,
      async collect() {
        this.set((await readRunStats())?.queued ?? Number.NaN);
      },
    }),
    ready: new Gauge({
      name: "osmen_ready",
      help: "1 when the readiness part (database, migrations, vault; redis in queue mode) is ok, 0 when it fails: what /api/health/ready checks.",
      labelNames: ["part"] as const,
      registers,
      async collect() {
        if (!readiness) return;
        for (const [part, isOk] of Object.entries(await readiness())) this.set({ part }, isOk ? 1 : 0);
      },
    }),
    nodeDuration: new Histogram({
      name: "osmen_node_duration_seconds",
      help: "Time each node took, by node kind, whether it completed or failed.",
      labelNames: ["kind"] as const,
      buckets: DURATION_BUCKETS,
      registers,
    }),
    providerRequests: new Counter({
      name: "osmen_provider_requests_total",
      help: "Model calls, by provider and outcome (ok, or the failure kind: auth, rate_limit, timeout, unavailable, ...).",
      labelNames: ["provider", "outcome"] as const,
      registers,
    }),
    providerLatency: new Histogram({
      name: "osmen_provider_latency_seconds",
      help: "Model call latency by provider: phase first_token (time to the first streamed chunk) and total.",
      labelNames: ["provider", "phase"] as const,
      buckets: DURATION_BUCKETS,
      registers,
    }),
    tokens: new Counter({
      name: "osmen_tokens_total",
      help: "Tokens the providers reported, by provider and direction (input, output).",
      labelNames: ["provider", "direction"] as const,
      registers,
    }),
    httpRequests: new Counter({
      name: "osmen_http_requests_total",
      help: "API requests answered, by route template and HTTP status.",
      labelNames: ["route", "status"] as const,
      registers,
    }),
  };
}

/**
 * The registry collects every metric at once, so both run gauges ask together: they share one read (one
 * Redis round trip in queue mode, and counts from the same moment). Resolves undefined when the read fails.
 */
function oneReadPerScrape(runStats: RunStats): () => Promise<RunCounts | undefined> {
  let pending: Promise<RunCounts | undefined> | undefined;
  return () =>
    (pending ??= Promise.resolve()
      .then(runStats)
      .catch(() => undefined)
      .finally(() => {
        pending = undefined;
      }));
}

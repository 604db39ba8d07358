// Throughput of many runs of one flow over the HTTP API: a fixed number of clients each start a run with
// `POST /api/v1/flows/{id}/run` and wait for its JSON answer, then start the next, until every run has ended.
import type { ApiRun } from "./api-client.ts";
import { percentile } from "./stats.ts";

/** Where the runs go: the server's base URL, an API key for /api/v1, and the flow to run. */
export type ThroughputTarget = { base: string; apiKey: string; flowId: string };

/** What `runMany` saw: every run ended `succeeded` (it throws otherwise). `wallMs`: first start to last answer. */
export type Throughput = { runs: number; clients: number; wallMs: number; runsPerSecond: number; runP50Ms: number; runP95Ms: number };

/** One run's answer as the client saw it: its status, or why the request itself failed. */
type Outcome = { runId?: string; status: string; error?: string; ms: number };

async function runOnce(target: ThroughputTarget): Promise<Outcome> {
  const startedAt = performance.now();
  try {
    const response = await fetch(`${target.base}/api/v1/flows/${target.flowId}/run`, {
      method: "POST",
      headers: { authorization: `Bearer ${target.apiKey}`, "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ input: "go" }),
    });
    const ms = performance.now() - startedAt;
    const body = (await response.json()) as Partial<ApiRun> & { error?: unknown };
    if (!response.ok) return { status: `HTTP ${response.status}`, error: JSON.stringify(body).slice(0, 300), ms };
    return { runId: body.runId, status: body.status ?? "no status", error: body.error ? JSON.stringify(body.error).slice(0, 300) : undefined, ms };
  } catch (error) {
    return { status: "request failed", error: (error as Error).message, ms: performance.now() - startedAt };
  }
}

/**
 * Runs the flow `runs` times, `clients` at a time, and counts the runs that ended `succeeded` (distinct run ids).
 * @throws Error with the count of each other outcome and the first error, when any run did not succeed: a
 * failed run makes the figure meaningless, so it fails the measurement instead of lowering it.
 */
export async function runMany(target: ThroughputTarget, runs: number, clients: number): Promise<Throughput> {
  const outcomes: Outcome[] = [];
  let started = 0;
  const client = async () => {
    while (started < runs) {
      started += 1;
      outcomes.push(await runOnce(target));
    }
  };
  const startedAt = performance.now();
  await Promise.all(Array.from({ length: Math.min(clients, runs) }, client));
  const wallMs = performance.now() - startedAt;
  const succeeded = new Set(outcomes.filter((outcome) => outcome.status === "succeeded" && outcome.runId).map((outcome) => outcome.runId));
  if (succeeded.size !== runs) {
    const byStatus = new Map<string, number>();
    for (const outcome of outcomes) byStatus.set(outcome.status, (byStatus.get(outcome.status) ?? 0) + 1);
    const firstError = outcomes.find((outcome) => outcome.status !== "succeeded")?.error;
    const counts = [...byStatus].map(([status, count]) => `${count} ${status}`).join(", ");
    throw new Error(`${succeeded.size} of ${runs} runs succeeded (${counts})${firstError ? `; first error: ${firstError}` : ""}`);
  }
  const times = outcomes.map((outcome) => outcome.ms);
  return { runs, clients, wallMs, runsPerSecond: runs / (wallMs / 1000), runP50Ms: percentile(times, 50), runP95Ms: percentile(times, 95) };
}

/** "500 runs, 50 at a time, all succeeded in 12.3 s; one run p50 1,100 ms, p95 1,500 ms". */
export function describeThroughput(result: Throughput): string {
  const ms = (value: number) => `${Math.round(value).toLocaleString("en")} ms`;
  return `${result.runs} runs, ${result.clients} at a time, all succeeded in ${(result.wallMs / 1000).toFixed(1)} s; one run p50 ${ms(result.runP50Ms)}, p95 ${ms(result.runP95Ms)}`;
}

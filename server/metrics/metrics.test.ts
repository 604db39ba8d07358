// The metrics a scrape shows after real runs: the app root wires the run service's observer and the
// provider watch, a scripted provider answers, and the registry's text is read as Prometheus would.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pino from "pino";
import { createVault } from "@/lib/secrets";
import { createApp, type App } from "@/server/app";
import { testDatabases } from "@/testing/databases";
import { chatGraph } from "@/testing/flow-graphs";
import { createScriptedProvider } from "@/testing/scripted-provider";
import { localTestCaller as me } from "@/testing/trpc-caller";

/** The value of one sample line (`name{labels} value`), or undefined when the scrape has no such line. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((each) => each.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe.each(testDatabases())("metrics after runs on $provider", ({ create }) => {
  let database: Awaited<ReturnType<typeof create>>;
  let app: App;

  beforeAll(async () => {
    database = await create();
    let calls = 0;
    const provider = createScriptedProvider({
      respond: () => {
        calls += 1;
        if (calls === 2) return { error: "scripted failure" };
        return { text: "hello there friend", usage: { inputTokens: 7, outputTokens: 3 } };
      },
    });
    const vault = createVault(randomBytes(32));
    app = createApp({ db: database, vault: () => vault, logger: pino({ level: "silent" }), runs: { maxConcurrentRuns: 2, runTimeoutMs: 10_000, providers: () => provider } });
    const flow = await app.services.flows.create(me, { name: "Measured", graph: chatGraph() });
    for (const source of ["canvas", "api"]) {
      const { runId } = await app.runs.start(me, { flowId: flow.id, input: "hi", source });
      await app.runs.waitFor(me, runId);
    }
    await app.runs.idle();
  });
  afterAll(async () => database?.drop());

  it("counts runs by status and source, and times runs and nodes by kind", async () => {
    const text = await app.metrics.registry.metrics();
    expect(sample(text, 'osmen_runs_total{status="succeeded",source="canvas"}')).toBe(1);
    expect(sample(text, 'osmen_runs_total{status="failed",source="api"}')).toBe(1);
    expect(sample(text, 'osmen_run_duration_seconds_count{status="succeeded"}')).toBe(1);
    expect(sample(text, 'osmen_node_duration_seconds_count{kind="llm"}')).toBe(2);
    expect(sample(text, "osmen_runs_in_progress")).toBe(0);
    expect(sample(text, "osmen_run_queue_depth")).toBe(0);
  });

  it("counts model calls by outcome, with time to first token, total latency and tokens", async () => {
    const text = await app.metrics.registry.metrics();
    expect(sample(text, 'osmen_provider_requests_total{provider="scripted",outcome="ok"}')).toBe(1);
    expect(sample(text, 'osmen_provider_requests_total{provider="scripted",outcome="error"}')).toBe(1);
    expect(sample(text, 'osmen_provider_latency_seconds_count{provider="scripted",phase="total"}')).toBe(2);
    expect(sample(text, 'osmen_provider_latency_seconds_count{provider="scripted",phase="first_token"}')).toBe(1);
    expect(sample(text, 'osmen_tokens_total{provider="scripted",direction="input"}')).toBe(7);
    expect(sample(text, 'osmen_tokens_total{provider="scripted",direction="output"}')).toBe(3);
  });

  it("reports each readiness part as 1 when ok", async () => {
    const text = await app.metrics.registry.metrics();
    for (const part of ["database", "migrations", "vault"]) expect(sample(text, `osmen_ready{part="${part}"}`)).toBe(1);
  });

  it("includes the default process metrics and declares the HTTP counter", async () => {
    const text = await app.metrics.registry.metrics();
    expect(text).toContain("process_cpu_user_seconds_total");
    expect(text).toContain("nodejs_eventloop_lag_seconds");
    expect(text).toContain("# TYPE osmen_http_requests_total counter");
  });
});

// The operations endpoints on the production server in local mode: the probes (whatever Host they are
// called by, as Kubernetes calls a pod), and the metrics a scrape reads after API traffic.
import { request as httpRequest, type IncomingMessage } from "node:http";
import { expect, test } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);

/** A raw HTTP request, so the test can name any Host header. */
function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const outgoing = httpRequest({ host: "127.0.0.1", port, path, headers }, (response: IncomingMessage) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

test("the probes answer, by a pod's address too, while other routes keep the Host check", async () => {
  const podHost = { host: "10-1-2-3.pods.cluster.internal:3000" };
  const live = await get("/api/health/live", podHost);
  expect(live.status).toBe(200);
  expect(JSON.parse(live.body)).toMatchObject({ status: "ok" });
  const ready = await get("/api/health/ready", podHost);
  expect(ready.status).toBe(200);
  expect(JSON.parse(ready.body)).toMatchObject({ status: "ok", checks: { database: { status: "ok" }, migrations: { status: "ok" }, vault: { status: "ok" } } });
  expect((await get("/api/trpc/flow.list", podHost)).status).toBe(421);
});

/** The value of one series in a scrape, 0 when it has none yet. */
const seriesValue = (scrape: string, series: string) => Number(scrape.split("\n").find((line) => line.startsWith(`${series} `))?.slice(series.length + 1) ?? 0);

test("a scrape shows every osmen metric, and the API requests by route template and status", async () => {
  // Other specs talk to the same server: count from what the series holds before this request.
  const unauthorised = 'osmen_http_requests_total{route="/api/v1/runs/[id]",status="401"}';
  const before = seriesValue((await get("/api/metrics")).body, unauthorised);
  expect((await get("/api/v1/runs/not-a-run")).status).toBe(401);
  const scrape = await get("/api/metrics");
  expect(scrape.status).toBe(200);
  for (const name of ["osmen_runs_total", "osmen_runs_in_progress", "osmen_run_queue_depth", "osmen_node_duration_seconds", "osmen_provider_requests_total", "osmen_provider_latency_seconds", "osmen_tokens_total", "osmen_http_requests_total", "osmen_ready", "process_cpu_user_seconds_total"]) {
    expect(scrape.body).toContain(`# TYPE ${name} `);
  }
  expect(seriesValue(scrape.body, unauthorised)).toBe(before + 1);
  expect(scrape.body).toContain('osmen_ready{part="database"} 1');
});

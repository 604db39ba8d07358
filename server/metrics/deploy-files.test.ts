// The Prometheus rules and the Grafana dashboard in deploy/ query only metrics the app registers, so a
// renamed metric cannot leave an alert that never fires or a panel that stays empty.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createMetrics } from "./metrics.ts";

const deployFile = (...parts: string[]) => readFileSync(path.join(process.cwd(), "deploy", ...parts), "utf8");

type Rule = { alert: string; expr: string };
const rules = (parse(deployFile("prometheus", "alerts.yml")) as { groups: { rules: Rule[] }[] }).groups.flatMap((group) => group.rules);
const dashboard = JSON.parse(deployFile("grafana", "osmen-dashboard.json")) as { panels: { title: string; targets: { expr: string }[] }[] };
const dashboardExprs = dashboard.panels.flatMap((panel) => panel.targets.map((target) => target.expr));

/** Every series name the app exports: each metric, and a histogram's _bucket, _sum and _count. */
function exportedNames(): Set<string> {
  const names = new Set<string>();
  for (const metric of createMetrics().registry.getMetricsAsArray()) {
    const { name, type } = metric as unknown as { name: string; type: string };
    names.add(name);
    if (type === "histogram") for (const suffix of ["_bucket", "_sum", "_count"]) names.add(name + suffix);
  }
  return names;
}

/** Metric names in a PromQL expression: the app's own and the process metrics (label values and functions are not). */
const metricNamesIn = (expr: string) => expr.match(/\b(?:osmen|process|nodejs)_[a-z0-9_]+\b/g) ?? [];
const baseName = (name: string) => name.replace(/_(bucket|sum|count)$/, "");

describe("deployment files and the app's metrics", () => {
  const exported = exportedNames();

  it.each([
    ["alerts.yml", rules.map((rule) => rule.expr)],
    ["osmen-dashboard.json", dashboardExprs],
  ])("%s queries only metrics the app registers", (_file, exprs) => {
    const queried = exprs.flatMap(metricNamesIn);
    expect(queried.length).toBeGreaterThan(0);
    expect(queried.filter((name) => !exported.has(name))).toEqual([]);
  });

  it("alerts on the error rate, provider failures, queue depth and readiness", () => {
    expect(rules.map((rule) => rule.alert).sort()).toEqual(["OsmenDown", "OsmenHttpErrorRate", "OsmenNotReady", "OsmenProviderFailures", "OsmenRunErrorRate", "OsmenRunQueueBacklog"]);
  });

  it("charts runs by status, run and node latency, provider latency and errors, tokens and queue depth", () => {
    const charted = new Set(dashboardExprs.flatMap(metricNamesIn).map(baseName));
    for (const name of ["osmen_runs_total", "osmen_run_duration_seconds", "osmen_node_duration_seconds", "osmen_provider_latency_seconds", "osmen_provider_requests_total", "osmen_tokens_total", "osmen_run_queue_depth"]) {
      expect(charted).toContain(name);
    }
  });

  it("scrapes the route the app serves its metrics on, and the queue-mode workers' own /metrics, with the token", () => {
    const config = parse(deployFile("prometheus", "prometheus.yml")) as { scrape_configs: { job_name: string; metrics_path: string; authorization?: { type: string } }[] };
    const bearer = { authorization: expect.objectContaining({ type: "Bearer" }) };
    expect(config.scrape_configs).toEqual([
      expect.objectContaining({ job_name: "osmen-studio", metrics_path: "/api/metrics", ...bearer }),
      expect.objectContaining({ job_name: "osmen-worker", metrics_path: "/metrics", ...bearer }),
    ]);
    const down = rules.find((rule) => rule.alert === "OsmenDown")!;
    for (const scrape of config.scrape_configs) expect(down.expr).toContain(scrape.job_name);
  });
});

// Paths answered whatever the Host header says. Kubernetes probes and Prometheus call the server by its pod
// or container address, which is never in OSMEN_ORIGIN. What they read is harmless to a DNS-rebinding page:
// the probes say only which part is down, and the metrics are exempt only when OSMEN_METRICS_TOKEN guards
// them (a page cannot know the token).

const PROBE_PATHS = new Set(["/api/health", "/api/health/live", "/api/health/ready"]);

/** True when the Host check should let `pathname` through (`hasMetricsToken`: OSMEN_METRICS_TOKEN is set). */
export function isHostCheckExempt(pathname: string, hasMetricsToken: boolean): boolean {
  const path = pathname.replace(/\/$/, "");
  return PROBE_PATHS.has(path) || (hasMetricsToken && path === "/api/metrics");
}

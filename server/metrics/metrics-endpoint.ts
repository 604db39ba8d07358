// GET /api/metrics: the Prometheus text exposition of the app's registry, to whoever `checkMetricsAccess` lets in.
import type { Registry } from "prom-client";
import { checkMetricsAccess, type MetricsAccessInput } from "./metrics-access.ts";

/** The scrape answer, or the refusal as JSON (`{ error: { code, message } }`) with 401 or 404. */
export async function metricsResponse(registry: Registry, access: MetricsAccessInput): Promise<Response> {
  const decision = checkMetricsAccess(access);
  if (!decision.isAllowed) {
    const challenge: Record<string, string> = decision.status === 401 ? { "www-authenticate": 'Bearer realm="OsMEN Studio metrics"' } : {};
    return Response.json({ error: { code: decision.status === 401 ? "UNAUTHORIZED" : "NOT_FOUND", message: decision.message } }, { status: decision.status, headers: challenge });
  }
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType, "cache-control": "no-store" } });
}

// The readiness probe's answer, one shape wherever it is served: the app's /api/health/ready and a worker's
// /health/ready (server/queue/worker-health.ts).
import { APP_VERSION } from "@/server/version";
import type { Readiness } from "./readiness.ts";

/** 200 `{ status: "ok", checks, version }` when ready, else 503 with `status: "error"` and each part's message. */
export function readinessResponse({ isReady, checks }: Readiness): Response {
  return Response.json(
    { status: isReady ? "ok" : "error", checks, version: APP_VERSION },
    { status: isReady ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}

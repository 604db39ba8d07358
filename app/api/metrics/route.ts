// Prometheus scrape endpoint (server/metrics): guarded by OSMEN_METRICS_TOKEN, off in accounts mode without one.
import { getApp } from "@/server/app";
import { getAuthMode } from "@/server/auth/app-auth";
import { loadServerEnv } from "@/server/env.mjs";
import { observed } from "@/server/http/observe-request";
import { metricsResponse } from "@/server/metrics/metrics-endpoint";

export const dynamic = "force-dynamic";

export const GET = observed((request: Request) =>
  metricsResponse(getApp().metrics.registry, { token: loadServerEnv().OSMEN_METRICS_TOKEN, mode: getAuthMode(), authorization: request.headers.get("authorization") }),
);

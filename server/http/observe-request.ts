// One place that counts and logs API requests: wraps a route handler so each request adds one to
// osmen_http_requests_total{route,status} and writes one log line (method, route template, status, duration
// in ms, user id when the handler learnt it). A streamed answer is counted when its headers are ready.
import { getApp } from "@/server/app";
import { routeTemplateOf } from "./route-templates.ts";

/** What a handler may tell the request log while it answers. */
export type RequestNote = { userId?: string };

/**
 * Answers `request` with `handle`, then records it. A handler that throws is recorded as a 500 and the error
 * rethrown. `route` defaults to the template of the request's path.
 */
export async function observeRequest(request: Request, handle: (note: RequestNote) => Promise<Response>, route = routeTemplateOf(new URL(request.url).pathname)): Promise<Response> {
  const startedAt = performance.now();
  const note: RequestNote = {};
  let status = 500;
  try {
    const response = await handle(note);
    status = response.status;
    return response;
  } finally {
    record(request.method, route, status, performance.now() - startedAt, note);
  }
}

/** Wraps a route handler with `observeRequest`. */
export function observed<Context>(handler: (request: Request, context: Context) => Promise<Response>) {
  return (request: Request, context: Context) => observeRequest(request, () => handler(request, context));
}

function record(method: string, route: string, status: number, durationMs: number, note: RequestNote) {
  try {
    const { metrics, logger } = getApp();
    metrics.httpRequests.inc({ route, status: String(status) });
    logger.info({ method, route, status, durationMs: Math.round(durationMs), userId: note.userId }, "request");
  } catch (error) {
    console.error("[http] recording a request failed:", error);
  }
}

// A worker's own HTTP server (OSMEN_WORKER_PORT): the worker runs no Next.js, yet Kubernetes probes it and
// Prometheus scrapes it like an app instance. It answers GET /health/live, /health/ready and /metrics with the
// app's own answers (server/health/readiness-response.ts, server/metrics/metrics-endpoint.ts), so both kinds
// of process look the same to the tools that watch them.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { resolveAuthMode, type AuthMode } from "@/server/auth/auth-mode";
import type { Readiness } from "@/server/health/readiness";
import { readinessResponse } from "@/server/health/readiness-response";
import type { Logger } from "@/server/log/logger";
import type { Metrics } from "@/server/metrics/metrics";
import { metricsResponse } from "@/server/metrics/metrics-endpoint";
import { APP_VERSION } from "@/server/version";

export type WorkerHealthOptions = {
  /** The port to listen on; 0 picks a free one (tests), reported back as `port`. */
  port: number;
  /** The bind address. Default 127.0.0.1, as the app's HOST; a container sets 0.0.0.0 so probes reach it. */
  host?: string;
  /** The worker's readiness checks (server/health/readiness.ts); called per request, expected not to throw. */
  readiness: () => Promise<Readiness>;
  metrics: Metrics;
  /** OSMEN_METRICS_TOKEN: when set, /metrics needs `Authorization: Bearer <token>`. */
  metricsToken?: string;
  /**
   * Which rule applies to /metrics without a token (server/metrics/metrics-access.ts): open in local mode,
   * 404 in accounts mode. Default: what the app decides for the same bind address without OSMEN_AUTH.
   */
  authMode?: AuthMode;
  logger: Logger;
};

export type WorkerHealthServer = { port: number; close(): Promise<void> };

type Route = (request: IncomingMessage) => Response | Promise<Response>;

/**
 * Starts the server and resolves once it listens.
 * @throws an Error naming OSMEN_WORKER_PORT when the port cannot be opened (taken, or not allowed).
 */
export async function startWorkerHealthServer(options: WorkerHealthOptions): Promise<WorkerHealthServer> {
  const { port, host = "127.0.0.1", logger } = options;
  const mode = options.authMode ?? resolveAuthMode({ HOST: host });
  const routes: Record<string, Route> = {
    "/health/live": () => Response.json({ status: "ok", version: APP_VERSION }, { headers: { "cache-control": "no-store" } }),
    "/health/ready": async () => readinessResponse(await options.readiness()),
    "/metrics": (request) => metricsResponse(options.metrics.registry, { token: options.metricsToken, mode, authorization: request.headers.authorization ?? null }),
  };
  const server = createServer((request, response) => {
    void answer(request, routes)
      .catch((error: unknown) => {
        logger.error({ err: error, path: pathOf(request) }, "worker health server: request failed");
        return errorResponse(500, "INTERNAL", "The worker could not answer; see its log.");
      })
      .then((answered) => send(response, answered))
      .catch((error: unknown) => logger.warn({ err: error }, "worker health server: the answer could not be sent"));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => reject(listenError(error, port, host)));
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const listening = typeof address === "object" && address !== null ? address.port : port;
  logger.info({ host, port: listening }, "worker health server listening");
  return {
    port: listening,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections (a scraper's) would hold close() open until they time out.
        server.closeAllConnections();
      }),
  };
}

async function answer(request: IncomingMessage, routes: Record<string, Route>): Promise<Response> {
  const route = routes[pathOf(request)];
  if (!route) return errorResponse(404, "NOT_FOUND", "Nothing here: a worker answers GET /health/live, /health/ready and /metrics.");
  if (request.method !== "GET") {
    const refusal = errorResponse(405, "METHOD_NOT_ALLOWED", `${pathOf(request)} answers GET only.`);
    refusal.headers.set("allow", "GET");
    return refusal;
  }
  return route(request);
}

const pathOf = (request: IncomingMessage) => new URL(request.url ?? "/", "http://worker").pathname;

/** The app's error shape, `{ error: { code, message } }`. */
const errorResponse = (status: number, code: string, message: string) => Response.json({ error: { code, message } }, { status, headers: { "cache-control": "no-store" } });

/** Writes a fetch Response (what the app's handlers return) onto Node's response. */
async function send(target: ServerResponse, answered: Response): Promise<void> {
  const body = Buffer.from(await answered.arrayBuffer());
  target.writeHead(answered.status, { ...Object.fromEntries(answered.headers), "content-length": String(body.length) });
  target.end(body);
}

function listenError(error: NodeJS.ErrnoException, port: number, host: string): Error {
  const why = error.code === "EADDRINUSE" ? "is taken by another process" : error.code === "EACCES" ? "is not allowed for this user" : `cannot be opened (${error.code ?? error.message})`;
  return new Error(`The worker's health server cannot listen: port ${port} on ${host} ${why}. Set OSMEN_WORKER_PORT to a free port, or to 0 to turn the server off.`, { cause: error });
}

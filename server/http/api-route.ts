// The frame of every /api/v1 handler: database ready, API key checked and turned into the Caller it acts as
// (with the key's scope), errors as JSON with the right status.
import { ZodError } from "zod";
import { AppError, describeZodError, isAppError } from "@/lib/errors";
import { getApp } from "@/server/app";
import { httpHeadersOf, httpStatusOf, INTERNAL_ERROR_MESSAGE, toHttpErrorBody } from "@/server/errors";
import { DEFAULT_BODY_LIMIT_BYTES, limitRequestBody } from "./body-limit.ts";
import { rateLimitHeaders, type RequestBudget } from "./request-rate-limits.ts";
import type { RunService } from "@/server/runs/run-service";
import type { Services } from "@/server/services";
import type { ApiKeySummary } from "@/server/services/api-key-service";
import type { ApiKeyScope, Caller } from "@/server/auth/caller";

/** `caller` is the key's user with the key's scope (`via: "apiKey"`); every service call passes it. */
export type ApiContext = { request: Request; services: Services; runs: RunService; apiKey: ApiKeySummary; caller: Caller };
type ErrorBody = (error: AppError) => unknown;

export type ApiRouteOptions = {
  /** Lets an endpoint answer in another API's error format (OpenAI's). */
  errorBody?: ErrorBody;
  /**
   * The key scope the route needs: `run` for running flows and reading their runs, `full` (the default, so a
   * new route is closed to run-only keys until it says otherwise) for everything else.
   */
  needs?: ApiKeyScope;
  /** The request budget a call spends (server/http/request-rate-limits.ts). Default: `read` for GET, else `write`. */
  budget?: RequestBudget | ((request: Request) => Promise<RequestBudget>);
};

const scopeTooNarrow = () =>
  new AppError("FORBIDDEN", "API key scope is run", { userMessage: "This API key may only run flows and read their runs; use a key with full access." });

export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (error instanceof ZodError) return new AppError("BAD_REQUEST", describeZodError(error));
  if (error instanceof SyntaxError) return new AppError("BAD_REQUEST", `The request body is not valid JSON: ${error.message}`);
  console.error("[api]", error);
  return new AppError("INTERNAL", "internal error", { userMessage: INTERNAL_ERROR_MESSAGE });
}

/** A 401 names the scheme that would work (RFC 9110 §11.6.1): an API key as a Bearer token (RFC 6750). */
const challengeOf = (error: AppError): Record<string, string> => (error.code === "UNAUTHORIZED" ? { "www-authenticate": 'Bearer realm="OsMEN Studio"' } : {});

const budgetByMethod = async (request: Request): Promise<RequestBudget> => (request.method === "GET" || request.method === "HEAD" ? "read" : "write");

/**
 * Wraps a handler: the request must carry a live API key whose scope covers `options.needs`, and its user and
 * IP must have budget left (429 with Retry-After and RateLimit-* otherwise, before the handler runs).
 */
export function apiRoute<Params>(handler: (context: ApiContext, params: Params) => Promise<Response>, options: ApiRouteOptions = {}) {
  const { errorBody = toHttpErrorBody, needs = "full", budget = budgetByMethod } = options;
  return async (incoming: Request, { params }: { params: Promise<Params> }): Promise<Response> => {
    try {
      const request = await limitRequestBody(incoming, DEFAULT_BODY_LIMIT_BYTES);
      const { services, runs, requestLimits, ready } = getApp();
      await ready().catch((error: unknown) => {
        throw new AppError("UNAVAILABLE", "database unavailable", { userMessage: "The database cannot be reached right now.", cause: error });
      });
      const { apiKey, caller } = await services.apiKeys.authenticate(request.headers.get("authorization"));
      if (needs === "full" && caller.scope !== "full") throw scopeTooNarrow();
      const spend = typeof budget === "function" ? await budget(request) : budget;
      const limit = await requestLimits?.consume(spend, { userId: caller.userId, headers: request.headers });
      const response = await handler({ request, services, runs, apiKey, caller }, await params);
      if (limit) for (const [name, value] of Object.entries(rateLimitHeaders(limit))) response.headers.set(name, value);
      return response;
    } catch (error) {
      const appError = toAppError(error);
      return Response.json(errorBody(appError), { status: httpStatusOf(appError.code), headers: { ...httpHeadersOf(appError), ...challengeOf(appError) } });
    }
  };
}

export const wantsEventStream = (request: Request) => (request.headers.get("accept") ?? "").includes("text/event-stream");

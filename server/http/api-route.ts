// The frame of every /api/v1 handler: database ready, API key checked and turned into the Caller it acts as
// (with the key's scope), errors as JSON with the right status.
import { createHash } from "node:crypto";
import { ZodError } from "zod";
import { AppError, describeZodError, isAppError } from "@/lib/errors";
import { getApp } from "@/server/app";
import { httpHeadersOf, httpStatusOf, INTERNAL_ERROR_MESSAGE, toHttpErrorBody } from "@/server/errors";
import { DEFAULT_BODY_LIMIT_BYTES, limitRequestBody } from "./body-limit.ts";
import { rateLimitHeaders, type RequestBudget } from "./request-rate-limits.ts";
import type { ChatService } from "@/server/runs/chat-service";
import { observeRequest, type RequestNote } from "./observe-request.ts";
import type { RunService } from "@/server/runs/run-service";
import type { Services } from "@/server/services";
import type { ApiKeySummary } from "@/server/services/api-key-service";
import type { ApiKeyScope, Caller } from "@/server/auth/caller";

/** `caller` is the key's user with the key's scope (`via: "apiKey"`); every service call passes it. */
export type ApiContext = { request: Request; services: Services; runs: RunService; chat: ChatService; apiKey: ApiKeySummary; caller: Caller };
type ErrorBody = (error: AppError) => unknown;

export type ApiRouteOptions = {
  /** Lets an endpoint answer in another API's error format (OpenAI's). */
  errorBody?: ErrorBody;
  /**
   * The key scope the route needs: `run` for running flows and reading their runs, `full` (the default, so a
   * new route is closed to run-only keys until it says otherwise) for everything else.
   */
  needs?: ApiKeyScope;
  /**
   * The request budget a call spends (server/http/request-rate-limits.ts), or a function that reads the request
   * and says which and how many (a JSON-RPC batch). Default: one `read` for GET, one `write` otherwise.
   */
  budget?: RequestBudget | ((request: Request) => Promise<Spending>);
};

/** What one request spends: `points` requests of `budget`. */
export type Spending = { budget: RequestBudget; points: number };

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

const budgetByMethod = async (request: Request): Promise<Spending> => ({ budget: request.method === "GET" || request.method === "HEAD" ? "read" : "write", points: 1 });

/** The budget holder for the API key a request carries: a digest of it, so the key is limited before it is looked up. */
const keyBudgetHolder = (headers: Headers): string | undefined => {
  const token = /^bearer\s+(\S+)/i.exec(headers.get("authorization") ?? "")?.[1];
  return token ? `key:${createHash("sha256").update(token).digest("base64url").slice(0, 22)}` : undefined;
};

/**
 * What an /api/v1 answer says to caches unless its handler said otherwise: never store it (it is one key's
 * run or data), and never transform it (RFC 9111 §5.2.2.6). `no-transform` is also what keeps Next.js's
 * response compression off these answers: it starts a new deflate stream for every response, about 1 ms of
 * CPU per request on a 2-core machine, to shrink JSON that is mostly a few hundred bytes. Event streams set
 * their own (server/http/sse.ts).
 */
export const API_CACHE_CONTROL = "no-store, no-transform";

function withApiCaching(response: Response): Response {
  if (!response.headers.has("cache-control")) response.headers.set("cache-control", API_CACHE_CONTROL);
  return response;
}

/**
 * Wraps a handler: the request must carry a live API key whose scope covers `options.needs`, and its user and
 * IP must have budget left (429 with Retry-After and RateLimit-* otherwise, before the handler runs).
 */
export function apiRoute<Params>(handler: (context: ApiContext, params: Params) => Promise<Response>, options: ApiRouteOptions = {}) {
  const { errorBody = toHttpErrorBody, needs = "full", budget = budgetByMethod } = options;
  const answer = async (incoming: Request, { params }: { params: Promise<Params> }, note: RequestNote): Promise<Response> => {
    try {
      const request = await limitRequestBody(incoming, DEFAULT_BODY_LIMIT_BYTES);
      const { services, runs, chat, requestLimits, ready } = getApp();
      await ready().catch((error: unknown) => {
        throw new AppError("UNAVAILABLE", "database unavailable", { userMessage: "The database cannot be reached right now.", cause: error });
      });
      // Spent before the key is looked up, so a refused request reads and writes nothing, and a wrong key costs
      // its sender's address as much as a right one.
      const spending = typeof budget === "function" ? await budget(request) : { budget, points: 1 };
      const limit = await requestLimits?.consume(spending.budget, { caller: keyBudgetHolder(request.headers), headers: request.headers }, spending.points);
      const { apiKey, caller } = await services.apiKeys.authenticate(request.headers.get("authorization"));
      note.userId = caller.userId;
      if (needs === "full" && caller.scope !== "full") throw scopeTooNarrow();
      const response = await handler({ request, services, runs, chat, apiKey, caller }, await params);
      if (limit) for (const [name, value] of Object.entries(rateLimitHeaders(limit))) response.headers.set(name, value);
      return withApiCaching(response);
    } catch (error) {
      const appError = toAppError(error);
      return withApiCaching(Response.json(errorBody(appError), { status: httpStatusOf(appError.code), headers: { ...httpHeadersOf(appError), ...challengeOf(appError) } }));
    }
  };
  return (incoming: Request, context: { params: Promise<Params> }): Promise<Response> => observeRequest(incoming, (note) => answer(incoming, context, note));
}

export const wantsEventStream = (request: Request) => (request.headers.get("accept") ?? "").includes("text/event-stream");

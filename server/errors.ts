// AppError codes mapped to tRPC codes and HTTP statuses, in one place.
import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { AppError, type AppErrorCode } from "@/lib/errors";
import { rateLimitHeaders, type RateLimitState } from "@/server/http/request-rate-limits";

const errorMap: Record<AppErrorCode, { trpc: TRPC_ERROR_CODE_KEY; http: number }> = {
  BAD_REQUEST: { trpc: "BAD_REQUEST", http: 400 },
  UNAUTHORIZED: { trpc: "UNAUTHORIZED", http: 401 },
  FORBIDDEN: { trpc: "FORBIDDEN", http: 403 },
  NOT_FOUND: { trpc: "NOT_FOUND", http: 404 },
  CONFLICT: { trpc: "CONFLICT", http: 409 },
  UNPROCESSABLE_CONTENT: { trpc: "UNPROCESSABLE_CONTENT", http: 422 },
  TOO_MANY_REQUESTS: { trpc: "TOO_MANY_REQUESTS", http: 429 },
  PAYLOAD_TOO_LARGE: { trpc: "PAYLOAD_TOO_LARGE", http: 413 },
  UNAVAILABLE: { trpc: "SERVICE_UNAVAILABLE", http: 503 },
  INTERNAL: { trpc: "INTERNAL_SERVER_ERROR", http: 500 },
};

/** What a caller reads when the server failed in a way it did not expect; the real error goes to the log only. */
export const INTERNAL_ERROR_MESSAGE = "Something went wrong on the server.";

export const httpStatusOf = (code: AppErrorCode): number => errorMap[code].http;

export function toTRPCError(error: AppError): TRPCError {
  return new TRPCError({ code: errorMap[error.code].trpc, message: error.userMessage, cause: error });
}

/** The JSON body an HTTP route answers an AppError with. */
export function toHttpErrorBody(error: AppError) {
  return { error: { code: error.code, message: error.userMessage, ...(error.details && { details: error.details }) } };
}

/**
 * Response headers an AppError implies: `Retry-After` (RFC 9110 §10.2.3, seconds) when its details carry
 * `retryAfterSeconds`, as a full run queue's 429 does, and `RateLimit-*` when they carry `rateLimit` (a
 * request over its budget, server/http/request-rate-limits.ts), and `X-Should-Retry: false` when they carry
 * `doNotRetry` (the request had its effect; repeating it would repeat the effect).
 */
export function httpHeadersOf(error: AppError): Record<string, string> {
  const retryAfter = error.details?.retryAfterSeconds;
  const rateLimit = error.details?.rateLimit as RateLimitState | undefined;
  return {
    ...(typeof retryAfter === "number" && Number.isFinite(retryAfter) ? { "retry-after": String(Math.max(1, Math.ceil(retryAfter))) } : {}),
    ...(rateLimit ? rateLimitHeaders(rateLimit) : {}),
    // The request was carried out (a run was stored and failed): the OpenAI and Anthropic SDKs retry a 5xx
    // unless told not to, and each retry would run the flow again.
    ...(error.details?.doNotRetry === true ? { "x-should-retry": "false" } : {}),
  };
}

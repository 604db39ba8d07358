// The one place that decides what a failure means: its kind, whether retrying can help, and its message.
import { HttpToolError } from "../../tools/http-target.ts";
import { LLMError, type LLMErrorKind } from "../errors.ts";
import { describeFailure, type ProviderDescription } from "./error-messages.ts";
import { ProviderFailure, isConnectionRefused, isFetchConnectionError, parseRetryAfter } from "./provider-failure.ts";
import { redactSecrets } from "./redact.ts";
import type { RequestScope } from "./signals.ts";

export type ErrorContext = {
  provider: string;
  description: ProviderDescription;
  apiKey?: string;
  scope?: RequestScope;
  attempts?: number;
  /**
   * The request went to a Base URL the server did not configure: leave out what that server answered, so a
   * flow cannot read the replies of hosts only the server can reach. The status and provider still show.
   */
  hideResponseBody?: boolean;
};

const retryableStatuses = new Set([408, 409, 429]);

export function isRetryableStatus(status: number): boolean {
  return retryableStatuses.has(status) || status >= 500;
}

function kindForStatus(status: number): LLMErrorKind {
  if (status === 401 || status === 403) return "auth";
  if (status === 429) return "rate_limit";
  if (status === 408) return "timeout";
  if (status === 404) return "not_found";
  if (status >= 500) return "unavailable";
  if (status >= 400) return "bad_request";
  return "provider";
}

function classify(failure: ProviderFailure, scope: RequestScope | undefined): LLMErrorKind {
  if (scope?.isCancelled) return "aborted";
  if (scope?.isTimedOut || failure.isTimeout) return "timeout";
  if (failure.status) return kindForStatus(failure.status);
  if (failure.isConnectionError) return "unavailable";
  return "provider";
}

// Dropped connections are retried like 5xx. A refused one is not: nothing listens there (`ollama serve` is not
// running, a wrong port), and retrying only delays the hint by the whole backoff. Nor is a request that timed out
// on our clock, because waiting the whole timeout again (retryAttempts times) is rarely what the person wants.
function isRetryable(kind: LLMErrorKind, status: number | undefined, failure: ProviderFailure): boolean {
  if (kind === "aborted") return false;
  if (status !== undefined) return isRetryableStatus(status);
  return kind === "unavailable" && !isConnectionRefused(failure);
}

function asFailure(error: unknown): ProviderFailure {
  if (error instanceof ProviderFailure) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new ProviderFailure({ detail, isConnectionError: isFetchConnectionError(error), cause: error });
}

/** The address guard's refusal, wherever the SDK wrapped it (APIConnectionError keeps it as a cause). */
function findGuardRefusal(error: unknown): HttpToolError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current instanceof Error; depth += 1) {
    if (current instanceof HttpToolError && (current.code === "blocked_url" || current.code === "bad_url")) return current;
    current = current.cause;
  }
  return undefined;
}

function refusedByGuard(refusal: HttpToolError, context: ErrorContext): LLMError {
  const { label, baseUrl } = context.description;
  return new LLMError({
    kind: "bad_request",
    provider: context.provider,
    retryable: false,
    attempts: context.attempts ?? 1,
    message: `${label} was not called: a request for the Base URL ${baseUrl} is refused (${refusal.message}). Use a public address, or ask the administrator to add the host to OSMEN_HTTP_ALLOWLIST.`,
    cause: refusal,
  });
}

export function toLLMError(error: unknown, context: ErrorContext): LLMError {
  if (error instanceof LLMError) return error;
  const refusal = findGuardRefusal(error);
  if (refusal) return refusedByGuard(refusal, context);
  const failure = asFailure(error);
  const kind = classify(failure, context.scope);
  const attempts = context.attempts ?? 1;
  const status = kind === "aborted" ? undefined : failure.status;
  const isAnswer = !failure.isConnectionError && !failure.isTimeout;
  const detail = context.hideResponseBody && isAnswer ? "" : redactSecrets(failure.detail, [context.apiKey]);
  return new LLMError({
    kind,
    provider: context.provider,
    status: failure.status,
    retryable: isRetryable(kind, status, failure),
    retryAfterMs: parseRetryAfter(failure.headers),
    attempts,
    message: describeFailure(context.description, { kind, status, detail, attempts }),
    cause: failure,
  });
}

// The one error type every adapter surfaces, so callers branch on `kind` and never on a vendor's classes.
import type { ProviderName } from "./types.ts";

export const llmErrorKinds = [
  "auth",
  "rate_limit",
  "timeout",
  "unavailable",
  "bad_request",
  /** 404: the model (or the endpoint) does not exist there. */
  "not_found",
  "provider",
  "aborted",
] as const;
export type LLMErrorKind = (typeof llmErrorKinds)[number];

export type LLMErrorInit = {
  kind: LLMErrorKind;
  provider: ProviderName | string;
  message: string;
  status?: number;
  retryable?: boolean;
  /** How long the provider asked us to wait (Retry-After), when it said so. */
  retryAfterMs?: number;
  /** Requests made before giving up (retries included). */
  attempts?: number;
  cause?: unknown;
};

export class LLMError extends Error {
  readonly kind: LLMErrorKind;
  readonly provider: ProviderName | string;
  readonly status: number | undefined;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  attempts: number;

  constructor(init: LLMErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = "LLMError";
    this.kind = init.kind;
    this.provider = init.provider;
    this.status = init.status;
    this.retryable = init.retryable ?? false;
    this.retryAfterMs = init.retryAfterMs;
    this.attempts = init.attempts ?? 1;
  }
}

export function isLLMError(error: unknown): error is LLMError {
  return error instanceof LLMError;
}

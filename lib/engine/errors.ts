// Engine failures carry a code the UI can act on and a message a person can read; a provider's failure also
// carries its kind and a hint, so every surface (event, canvas, REST, CLI) can say what to do about it.
import { isLLMError, type LLMErrorKind } from "@/lib/llm/errors";
import type { FailureKind } from "./events";

export const engineErrorCodes = [
  "node_error",
  "node_timeout",
  "run_timeout",
  "cancelled",
  "provider_unavailable",
  "provider_auth",
  "provider_rate_limited",
  "provider_bad_request",
  "provider_timeout",
  "provider_not_found",
  "credential_unavailable",
  "credential_mismatch",
  "unknown_kind",
] as const;

export type EngineErrorCode = (typeof engineErrorCodes)[number] | (string & {});

export class EngineError extends Error {
  constructor(readonly code: EngineErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "EngineError";
  }
}

export type Failure = { code: EngineErrorCode; message: string; errorKind?: FailureKind; hint?: string };

/** The provider layer's kinds in the run's vocabulary; `provider` and `aborted` have no kind of their own. */
const failureKindOf: Partial<Record<LLMErrorKind, FailureKind>> = {
  unavailable: "unavailable",
  auth: "auth",
  rate_limit: "rate_limited",
  bad_request: "bad_request",
  timeout: "timeout",
  not_found: "not_found",
};

/** What a person can do about each kind of provider failure; shown beside the provider's own message. */
export const providerFailureHints: Record<FailureKind, string> = {
  unavailable: "The model server could not be reached: is it running (for Ollama, is `ollama serve` running?) and is the node's Base URL right?",
  auth: "The provider refused the API key: check the node's credential or the server's key variable.",
  rate_limited: "The provider is rate limiting this key: wait a minute, or lower the node's requests/tokens per minute.",
  bad_request: "The provider refused the request: check the model name and the node's settings.",
  timeout: "The model did not answer in time: raise the node's timeout or use a smaller model.",
  not_found: "The provider has no such model: check the model name (for Ollama, `ollama pull` it first).",
};

/** Turns anything thrown into a code and a readable message; provider failures keep their kind and hint. */
export function describeFailure(error: unknown): Failure {
  if (error instanceof EngineError) return { code: error.code, message: error.message };
  if (isLLMError(error)) {
    const errorKind = failureKindOf[error.kind];
    if (errorKind) return { code: `provider_${errorKind}`, message: error.message, errorKind, hint: providerFailureHints[errorKind] };
  }
  if (error instanceof Error) return { code: "node_error", message: error.message || error.name };
  return { code: "node_error", message: String(error) };
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === "AbortError" || (error instanceof EngineError && error.code === "cancelled"));
}

// Ollama's SDK errors to ProviderFailure. A ResponseError carries the HTTP status; an error line inside a
// stream arrives as a plain Error; a refused connection as fetch's TypeError.
import { ProviderFailure, isFetchConnectionError } from "../core/provider-failure.ts";

type OllamaResponseError = Error & { status_code: number; error: string };

const isResponseError = (error: unknown): error is OllamaResponseError =>
  error instanceof Error && error.name === "ResponseError" && typeof (error as { status_code?: unknown }).status_code === "number";

export function toOllamaFailure(error: unknown, headers: Headers | undefined): ProviderFailure {
  if (error instanceof ProviderFailure) return error;
  if (isResponseError(error)) {
    return new ProviderFailure({ status: error.status_code, headers, detail: error.error || error.message, cause: error });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new ProviderFailure({ detail, isConnectionError: isFetchConnectionError(error), cause: error });
}

// OpenAI's SDK errors to ProviderFailure.
import { APIConnectionError, APIConnectionTimeoutError, APIError } from "openai";
import { ProviderFailure, isFetchConnectionError } from "../core/provider-failure.ts";

export function toOpenAIFailure(error: unknown): ProviderFailure {
  if (error instanceof ProviderFailure) return error;
  if (error instanceof APIConnectionTimeoutError) {
    return new ProviderFailure({ detail: error.message, isTimeout: true, cause: error });
  }
  if (error instanceof APIConnectionError) {
    return new ProviderFailure({ detail: error.message, isConnectionError: true, cause: error });
  }
  if (error instanceof APIError) {
    const body = error.error as { message?: string } | undefined;
    return new ProviderFailure({ status: error.status, headers: error.headers, detail: body?.message ?? error.message, cause: error });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new ProviderFailure({ detail, isConnectionError: isFetchConnectionError(error), cause: error });
}

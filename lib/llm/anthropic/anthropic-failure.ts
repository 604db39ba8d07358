// Anthropic's SDK errors to ProviderFailure. An `error` event inside a stream (e.g. overloaded_error) arrives
// as an APIError without a status; its type tells us it is worth retrying as an unavailable provider.
import { APIConnectionError, APIConnectionTimeoutError, APIError } from "@anthropic-ai/sdk";
import { ProviderFailure, isFetchConnectionError } from "../core/provider-failure.ts";

const statusForErrorType: Record<string, number> = {
  overloaded_error: 529,
  api_error: 500,
  rate_limit_error: 429,
  authentication_error: 401,
  permission_error: 403,
  invalid_request_error: 400,
  not_found_error: 404,
};

function detailOf(error: APIError): { type?: string; message: string } {
  const body = error.error as { error?: { type?: string; message?: string } } | undefined;
  return { type: body?.error?.type, message: body?.error?.message ?? error.message };
}

export function toAnthropicFailure(error: unknown): ProviderFailure {
  if (error instanceof ProviderFailure) return error;
  if (error instanceof APIConnectionTimeoutError) return new ProviderFailure({ detail: error.message, isTimeout: true, cause: error });
  if (error instanceof APIConnectionError) {
    return new ProviderFailure({ detail: error.message, isConnectionError: true, cause: error });
  }
  if (error instanceof APIError) {
    const { type, message } = detailOf(error);
    const status = error.status ?? (type ? statusForErrorType[type] : undefined);
    return new ProviderFailure({ status, headers: error.headers, detail: message, cause: error });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new ProviderFailure({ detail, isConnectionError: isFetchConnectionError(error), cause: error });
}

// Every failure of a Google call becomes a GoogleAccessError with a message a person can act on. Google's
// own errors (gaxios) are recognised by shape, not class, so this file stays free of googleapis and safe
// for the browser bundle. Stack traces and response bodies never reach the message.
export const RECONNECT_HINT = "reconnect Google in Settings";

export const googleErrorCodes = ["not_connected", "reconnect", "permission", "rate_limited", "unreachable", "api_error"] as const;
export type GoogleErrorCode = (typeof googleErrorCodes)[number];

/** Marked like AppError (lib/errors.ts), so `instanceof` holds across the server's separate bundles. */
const googleAccessErrorMark = Symbol.for("osmen.GoogleAccessError");

export class GoogleAccessError extends Error {
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as { [googleAccessErrorMark]?: unknown })[googleAccessErrorMark] === true;
  }

  readonly [googleAccessErrorMark] = true;

  constructor(readonly code: GoogleErrorCode, message: string, readonly status?: number) {
    super(message);
    this.name = "GoogleAccessError";
  }
}

type GaxiosLike = { status?: number; code?: string | number; response?: { status?: number; data?: unknown }; message?: string };

function oauthErrorOf(data: unknown): string | undefined {
  if (typeof data !== "object" || data === null) return undefined;
  const error = (data as { error?: unknown }).error;
  return typeof error === "string" ? error : undefined;
}

function apiReasonOf(data: unknown): string | undefined {
  const error = (data as { error?: { errors?: Array<{ reason?: string }>; status?: string } } | undefined)?.error;
  if (typeof error !== "object" || error === null) return undefined;
  return error.errors?.[0]?.reason ?? error.status;
}

/** `service` names what was being read ("Google Calendar", "Gmail"), for the message. */
export function toGoogleError(error: unknown, service: string): GoogleAccessError {
  if (error instanceof GoogleAccessError) return error;
  const failure = (error ?? {}) as GaxiosLike;
  const status = failure.response?.status ?? (typeof failure.status === "number" ? failure.status : undefined);
  const data = failure.response?.data;
  if (oauthErrorOf(data) === "invalid_grant" || /invalid_grant/.test(failure.message ?? "")) {
    return new GoogleAccessError("reconnect", `Google access has expired or was revoked: ${RECONNECT_HINT}.`, status);
  }
  if (status === 401) {
    return new GoogleAccessError("reconnect", `Google refused the sign-in for ${service} (401): ${RECONNECT_HINT}.`, status);
  }
  if (status === 403) return forbidden(service, apiReasonOf(data));
  if (status === 429) return new GoogleAccessError("rate_limited", `${service} is rate limiting requests (429); try again in a minute.`, status);
  if (status === undefined) return unreachable(service, failure);
  return new GoogleAccessError("api_error", `${service} answered with an error (${status}); try again later.`, status);
}

function forbidden(service: string, reason: string | undefined): GoogleAccessError {
  if (reason === "insufficientPermissions" || reason === "PERMISSION_DENIED" || reason === "ACCESS_TOKEN_SCOPE_INSUFFICIENT") {
    return new GoogleAccessError("permission", `The Google connection does not allow reading ${service}: ${RECONNECT_HINT} and allow read access.`, 403);
  }
  if (reason === "accessNotConfigured" || reason === "SERVICE_DISABLED") {
    return new GoogleAccessError("permission", `The ${service} API is not enabled for this Google Cloud project; enable it in the Google Cloud console.`, 403);
  }
  return new GoogleAccessError("permission", `Google denied access to ${service} (403): ${RECONNECT_HINT}.`, 403);
}

function unreachable(service: string, failure: GaxiosLike): GoogleAccessError {
  if ((failure as { name?: string }).name === "AbortError") return new GoogleAccessError("unreachable", `Reading ${service} was cancelled.`);
  // The address guard refused a hop (a configured endpoint redirected to a non-public address): say so, not "network".
  if (failure.code === "blocked_url") {
    const detail = guardRefusalOf(failure);
    return new GoogleAccessError(
      "unreachable",
      `${service} was not called: ${detail ?? "an address on the way is not public"}. Check the server's Google endpoints (OSMEN_GOOGLE_*).`,
    );
  }
  const code = typeof failure.code === "string" ? ` (${failure.code})` : "";
  return new GoogleAccessError("unreachable", `Could not reach ${service}${code}; check the network and try again.`);
}

/** The address guard's own words (HttpToolError, by shape), wherever gaxios wrapped it. */
function guardRefusalOf(failure: unknown): string | undefined {
  let current = failure as { name?: unknown; message?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; depth < 4 && current; depth += 1) {
    if (current.name === "HttpToolError" && typeof current.message === "string") return current.message;
    current = current.cause as typeof current;
  }
  return undefined;
}

export function notConnectedError(service: string): GoogleAccessError {
  return new GoogleAccessError(
    "not_connected",
    `Google is not connected, so ${service} cannot be read: connect Google in Settings, or switch on "Use sample data".`,
  );
}

/** The readable message of anything thrown while reading a Google source. */
export function describeGoogleError(error: unknown, service: string): string {
  return toGoogleError(error, service).message;
}

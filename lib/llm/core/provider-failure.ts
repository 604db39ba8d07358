// What an adapter knows about a failed request, in vendor-neutral terms. Adapters turn their SDK's errors into
// this; `toLLMError` (written once) decides kind, retryability and the message a person reads.

export type ProviderFailureInit = {
  status?: number;
  headers?: Headers;
  /** The provider's own explanation, as sent (it is redacted before anyone sees it). */
  detail: string;
  /** The request never got an HTTP response: refused, reset, DNS... */
  isConnectionError?: boolean;
  /** The SDK itself gave up waiting. */
  isTimeout?: boolean;
  cause?: unknown;
};

export class ProviderFailure extends Error {
  readonly status: number | undefined;
  readonly headers: Headers | undefined;
  readonly detail: string;
  readonly isConnectionError: boolean;
  readonly isTimeout: boolean;

  constructor(init: ProviderFailureInit) {
    super(init.detail, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = "ProviderFailure";
    this.status = init.status;
    this.headers = init.headers;
    this.detail = init.detail;
    this.isConnectionError = init.isConnectionError ?? false;
    this.isTimeout = init.isTimeout ?? false;
  }
}

/** Node's fetch reports refused/reset connections as a TypeError whose cause carries the system code. */
export function isFetchConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error.cause as { code?: string } | undefined)?.code ?? (error as { code?: string }).code;
  if (code && /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ETIMEDOUT|EPIPE|UND_ERR)/.test(code)) {
    return true;
  }
  return error instanceof TypeError && /fetch failed|terminated|socket/i.test(error.message);
}

// Nothing listens there (ECONNREFUSED) or the host does not exist (ENOTFOUND): asking again cannot help.
const permanentConnectionCodes = new Set(["ECONNREFUSED", "ENOTFOUND"]);

/**
 * Whether the connection was refused or the host does not exist: the SDKs wrap fetch's TypeError, which wraps
 * the system error, so the code is looked for a few causes deep.
 */
export function isConnectionRefused(error: unknown): boolean {
  const isPermanent = (value: unknown) => permanentConnectionCodes.has(String((value as { code?: unknown } | null)?.code));
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current; depth += 1) {
    const candidate = current as { errors?: unknown; cause?: unknown };
    if (isPermanent(candidate)) return true;
    // Happy eyeballs (IPv4 and IPv6 both refused) reports an AggregateError of the attempts.
    if (Array.isArray(candidate.errors) && candidate.errors.some(isPermanent)) return true;
    current = candidate.cause;
  }
  return false;
}

/** Reads Retry-After (seconds or an HTTP date) and OpenAI's `retry-after-ms`; caps absurd values. */
export function parseRetryAfter(headers: Headers | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const milliseconds = Number(headers.get("retry-after-ms"));
  if (headers.get("retry-after-ms") && Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds;
  const value = headers.get("retry-after");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

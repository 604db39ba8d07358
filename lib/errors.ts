// The one error type that crosses layers: a code, a developer message and a message fit for a person.
export const appErrorCodes = [
  "BAD_REQUEST",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "UNPROCESSABLE_CONTENT",
  "TOO_MANY_REQUESTS",
  "PAYLOAD_TOO_LARGE",
  "UNAVAILABLE",
  "INTERNAL",
] as const;
export type AppErrorCode = (typeof appErrorCodes)[number];

export type AppErrorOptions = {
  /** Shown to people; defaults to the developer message. */
  userMessage?: string;
  /** Machine-readable detail for clients: the field at fault, diagnostics, the current version. */
  details?: Record<string, unknown>;
  cause?: unknown;
};

// A process-wide mark, not `instanceof`: Next.js bundles a module once per server entry, so an AppError made by
// the services (built once and kept on globalThis) is of another bundle's AppError class than the route's.
const appErrorMark = Symbol.for("osmen.AppError");

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly userMessage: string;
  readonly details?: Record<string, unknown>;

  constructor(code: AppErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.userMessage = options.userMessage ?? message;
    this.details = options.details;
    Object.defineProperty(this, appErrorMark, { value: true });
  }
}

/** "name: name must not be empty; graph.edges.0.target: ..." — each problem with the field it concerns. */
export function describeZodError(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.map(String).join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

/** Whether `error` is an AppError from any bundle of this process (see appErrorMark). */
export const isAppError = (error: unknown): error is AppError =>
  error instanceof AppError || (error instanceof Error && (error as Error & { [appErrorMark]?: boolean })[appErrorMark] === true);

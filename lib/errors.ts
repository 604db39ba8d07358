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

/**
 * A mark every AppError carries, under a registry symbol: Next.js bundles the server more than once (route
 * handlers, pages, instrumentation), each with its own copy of this class, while the process's services are
 * built once and shared. `instanceof AppError` must hold for an error made by any copy.
 */
const appErrorMark = Symbol.for("osmen.AppError");

export class AppError extends Error {
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as { [appErrorMark]?: unknown })[appErrorMark] === true;
  }

  readonly [appErrorMark] = true;
  readonly code: AppErrorCode;
  readonly userMessage: string;
  readonly details?: Record<string, unknown>;

  constructor(code: AppErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.userMessage = options.userMessage ?? message;
    this.details = options.details;
  }
}

/** "name must not be empty; graph.edges.0.target: ..." — each problem with the field it concerns, named once. */
export function describeZodError(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.map(String).join(".");
      // A message that already names its field ("name must not be empty") reads better without the prefix.
      return field === "" || issue.message.startsWith(`${field} `) ? issue.message : `${field}: ${issue.message}`;
    })
    .join("; ");
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

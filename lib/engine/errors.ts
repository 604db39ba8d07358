// Engine failures carry a code the UI can act on and a message a person can read.
export const engineErrorCodes = [
  "node_error",
  "node_timeout",
  "run_timeout",
  "cancelled",
  "provider_unavailable",
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

export type Failure = { code: EngineErrorCode; message: string };

/** Turns anything thrown into a code and a readable message. */
export function describeFailure(error: unknown): Failure {
  if (error instanceof EngineError) return { code: error.code, message: error.message };
  if (error instanceof Error) return { code: "node_error", message: error.message || error.name };
  return { code: "node_error", message: String(error) };
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === "AbortError" || (error instanceof EngineError && error.code === "cancelled"));
}

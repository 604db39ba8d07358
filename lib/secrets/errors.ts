// The vault's one error type. `code` lets the server map it (refuse to start, ask to re-enter a credential);
// the message is written for the person who has to fix it and never contains key material.
export const secretErrorCodes = ["invalid_key", "missing_key", "key_file_unreadable", "wrong_key", "corrupt_ciphertext"] as const;
export type SecretErrorCode = (typeof secretErrorCodes)[number];

export class SecretError extends Error {
  constructor(readonly code: SecretErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SecretError";
  }
}

export function isSecretError(error: unknown): error is SecretError {
  return error instanceof SecretError;
}

// What the browser may see of a secret: its last four characters, and only when that gives little away.
// A secret shorter than 12 characters shows nothing, since four characters would be a third of it or more.
const MIN_LENGTH_TO_SHOW = 12;

export function last4(secret: string): string {
  const trimmed = secret.trim();
  return trimmed.length >= MIN_LENGTH_TO_SHOW ? trimmed.slice(-4) : "";
}

/** "••••abcd", or "••••" for a secret too short to hint at. */
export function maskSecret(secret: string): string {
  return `••••${last4(secret)}`;
}

// Last line of defence for logs, run events and error messages: replaces any known secret value with a
// marker. Secrets may appear raw or JSON-escaped (inside a serialised event), so both forms are replaced.
export const REDACTED = "[redacted]";

// Very short values would redact ordinary words ("ab" inside "about"); real keys and tokens are longer.
const MIN_SECRET_LENGTH = 6;

function forms(secret: string): string[] {
  const escaped = JSON.stringify(secret).slice(1, -1);
  return escaped === secret ? [secret] : [secret, escaped];
}

export function redactSecrets(text: string, secrets: Iterable<string>): string {
  const needles = [...secrets]
    .filter((secret) => secret.length >= MIN_SECRET_LENGTH)
    .flatMap(forms)
    // Longest first, so a secret containing another is replaced whole.
    .sort((left, right) => right.length - left.length);
  let result = text;
  for (const needle of needles) result = result.split(needle).join(REDACTED);
  return result;
}

/** Redacts every string inside a JSON-like value (objects, arrays), returning a copy. */
export function redactValue<T>(value: T, secrets: readonly string[]): T {
  if (typeof value === "string") return redactSecrets(value, secrets) as T;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, redactValue(item, secrets)])) as T;
  }
  return value;
}

/** True when any secret appears in the text, raw or JSON-escaped: for tests that scan responses and events. */
export function containsSecret(text: string, secrets: Iterable<string>): boolean {
  return [...secrets].filter((secret) => secret.length >= MIN_SECRET_LENGTH).flatMap(forms).some((needle) => text.includes(needle));
}

// Provider error bodies sometimes echo the key back ("Incorrect API key provided: sk-..."); no message we
// build may carry one, so every text that came from outside passes through here.
const keyPatterns = [/sk-ant-[A-Za-z0-9_-]{4,}/g, /sk-[A-Za-z0-9_-]{8,}/g, /Bearer\s+[A-Za-z0-9._~+/=-]{8,}/gi];

export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined> = []): string {
  let redacted = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) redacted = redacted.split(secret).join("[redacted]");
  }
  for (const pattern of keyPatterns) redacted = redacted.replace(pattern, "[redacted]");
  return redacted;
}

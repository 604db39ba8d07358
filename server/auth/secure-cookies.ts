// Whether sign-in cookies carry `Secure`: decided once from the environment, so the rule is unit-tested.

/** The variables the decision reads, as `loadServerEnv()` returns them. */
export type SecureCookieEnv = { BETTER_AUTH_URL?: string; OSMEN_ORIGIN?: readonly string[]; OSMEN_TRUST_PROXY?: string };

/**
 * True when the browser reaches the server over HTTPS: behind a TLS proxy (`OSMEN_TRUST_PROXY=1`, which also
 * redirects plain HTTP to HTTPS, see server/http/https-redirect.ts) or when the auth base URL (BETTER_AUTH_URL,
 * else the first OSMEN_ORIGIN) is `https://`. A Secure cookie is never sent over plain HTTP, so turning this on
 * for a plain-HTTP server would sign everyone out.
 */
export function usesSecureCookies(env: SecureCookieEnv): boolean {
  const baseURL = env.BETTER_AUTH_URL ?? env.OSMEN_ORIGIN?.[0];
  return env.OSMEN_TRUST_PROXY === "1" || (baseURL?.startsWith("https://") ?? false);
}

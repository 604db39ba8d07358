// The OAuth client's settings, and reading them from the environment. Kept apart from oauth.ts so that
// reading configuration does not load googleapis.
export type GoogleClientSettings = {
  clientId: string;
  clientSecret: string;
  /** The OAuth callback route, e.g. "https://studio.example.com/api/oauth/google/callback". */
  redirectUri?: string;
  /** Default Google's; tests pass the local server's `tokenUrl`. */
  tokenUrl?: string;
  authUrl?: string;
  revokeUrl?: string;
};

/** GOOGLE_CLIENT_ID / GOOGLE_CLIENT_SECRET (+ optional GOOGLE_REDIRECT_URI), or null when either is unset. */
export function readGoogleClientSettings(env: Record<string, string | undefined> = process.env): GoogleClientSettings | null {
  const clientId = env.GOOGLE_CLIENT_ID?.trim();
  const clientSecret = env.GOOGLE_CLIENT_SECRET?.trim();
  if (!clientId || !clientSecret) return null;
  return { clientId, clientSecret, redirectUri: env.GOOGLE_REDIRECT_URI?.trim() || undefined };
}

// The Google connection behind "Connect Google": which OAuth client to use (GOOGLE_CLIENT_ID/SECRET, or the
// one entered in Settings), the consent redirect, the callback that stores the refresh token in the vault,
// and the Google access a run receives. Each user has their own connection (and may enter their own OAuth
// client): both are that user's credentials, so every call names whose (`owner`).
import { AppError } from "@/lib/errors";
import {
  buildConsentUrl,
  createGoogleServices,
  exchangeCode,
  missingScopes,
  readGoogleClientSettings,
  revokeGrant,
  type GoogleClientSettings,
} from "@/lib/tools/google";
import type { GoogleServices } from "@/lib/tools/google/types";
import type { CredentialOwner, CredentialService } from "./credential-service.ts";

export type GoogleEndpoints = Pick<GoogleClientSettings, "tokenUrl" | "authUrl" | "revokeUrl"> & { rootUrl?: string };
type StoredClient = { clientId: string; clientSecret: string };
type StoredGrant = { refreshToken: string; scopes: string[] };

export function createGoogleConnectionService(credentials: CredentialService, env: Record<string, string | undefined>, endpoints: GoogleEndpoints = {}) {
  async function clientSettings(owner: CredentialOwner, redirectUri?: string): Promise<(GoogleClientSettings & { source: "env" | "settings" }) | null> {
    const fromEnv = readGoogleClientSettings(env);
    const base = { tokenUrl: endpoints.tokenUrl, authUrl: endpoints.authUrl, revokeUrl: endpoints.revokeUrl };
    if (fromEnv) return { ...fromEnv, ...base, redirectUri: fromEnv.redirectUri ?? redirectUri, source: "env" };
    const stored = await credentials.findLatest(owner, "google_oauth_client");
    if (!stored) return null;
    const client = JSON.parse(await credentials.reveal(owner, stored.id)) as StoredClient;
    return { ...client, ...base, redirectUri, source: "settings" };
  }

  async function requireClient(owner: CredentialOwner, redirectUri?: string) {
    const settings = await clientSettings(owner, redirectUri);
    if (!settings) {
      throw new AppError("BAD_REQUEST", "no Google OAuth client configured", {
        userMessage: "Set GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET, or enter a Google OAuth client in Settings, before connecting Google.",
      });
    }
    return settings;
  }

  async function status(owner: CredentialOwner) {
    const client = await clientSettings(owner);
    const connection = await credentials.findLatest(owner, "google");
    return { isClientConfigured: client !== null, clientSource: client?.source ?? null, isConnected: connection !== undefined, connectedAt: connection?.updatedAt ?? null };
  }

  /** Stores the OAuth client entered in Settings; it is used when GOOGLE_CLIENT_ID/SECRET are not set. */
  async function saveClient(owner: CredentialOwner, client: StoredClient) {
    await credentials.create(owner, { name: "Google OAuth client", kind: "google_oauth_client", secret: JSON.stringify(client) });
    return status(owner);
  }

  const consentUrl = async (owner: CredentialOwner, redirectUri: string, state: string) =>
    buildConsentUrl(await requireClient(owner, redirectUri), { state });

  /** The OAuth callback: the code becomes a refresh token, stored encrypted; an earlier connection is replaced. */
  async function completeConnection(owner: CredentialOwner, redirectUri: string, code: string) {
    const grant = await exchangeCode(await requireClient(owner, redirectUri), code);
    const missing = missingScopes(grant.scopes);
    if (grant.scopes.length > 0 && missing.length > 0) {
      throw new AppError("BAD_REQUEST", "Google grant lacks scopes", { userMessage: `Google did not grant read access to ${missing.join(", ")}. Connect again and allow it.` });
    }
    const secret = JSON.stringify({ refreshToken: grant.refreshToken, scopes: grant.scopes } satisfies StoredGrant);
    const existing = await credentials.findLatest(owner, "google");
    return existing ? credentials.replaceSecret(owner, existing.id, secret) : credentials.create(owner, { name: "Google", kind: "google", secret });
  }

  async function disconnect(owner: CredentialOwner) {
    const connection = await credentials.findLatest(owner, "google");
    if (!connection) return { wasConnected: false };
    const grant = JSON.parse(await credentials.reveal(owner, connection.id)) as StoredGrant;
    const client = await clientSettings(owner);
    if (client) await revokeGrant(client, grant.refreshToken);
    await credentials.remove(owner, connection.id);
    return { wasConnected: true };
  }

  /**
   * Google access for one run, as the run's user (`owner`): their connection, never anyone else's. Nothing
   * is read from the vault unless a node actually calls Google.
   */
  function servicesForRun(owner: CredentialOwner): GoogleServices {
    let settings: GoogleClientSettings | null = null;
    const refreshToken = async () => {
      settings = await clientSettings(owner);
      const connection = await credentials.findLatest(owner, "google");
      if (!settings || !connection) return null;
      return (JSON.parse(await credentials.reveal(owner, connection.id)) as StoredGrant).refreshToken;
    };
    return lazyGoogleServices(async () => {
      const token = await refreshToken();
      return createGoogleServices({ client: settings ?? { clientId: "", clientSecret: "" }, refreshToken: token ?? "", rootUrl: endpoints.rootUrl });
    });
  }

  return { status, saveClient, consentUrl, completeConnection, disconnect, servicesForRun };
}

/** Builds the real services on first use, so a run without Google nodes never touches the vault. */
function lazyGoogleServices(build: () => Promise<GoogleServices>): GoogleServices {
  let services: Promise<GoogleServices> | undefined;
  const get = () => (services ??= build());
  return {
    listEvents: async (query, options) => (await get()).listEvents(query, options),
    listCalendars: async (options) => (await get()).listCalendars(options),
    calendarTimeZone: async (calendarId, options) => (await get()).calendarTimeZone(calendarId, options),
    listMessages: async (query, options) => (await get()).listMessages(query, options),
  };
}

export type GoogleConnectionService = ReturnType<typeof createGoogleConnectionService>;

// The one rule for pairing a stored credential with a model node, shared by the compiler (a diagnostic on the
// node) and the run (a refusal): the credential's kind is the node's provider, and the node either leaves its
// Base URL empty or names the very endpoint the credential was stored for.
import { isSameEndpoint, normalizeEndpoint } from "../../credentials/endpoints.ts";
import { officialEndpoint } from "./endpoints.ts";
import { providerDescriptor } from "./index.ts";

/** What the compiler may know about a credential: never its secret. `endpoint` is "" for the official API. */
export type CredentialMetadata = { kind: string; endpoint: string };

// Credential kinds that are not providers: MCP servers' keys, the Google connection and Google's OAuth client.
const otherLabels: Record<string, string> = { mcp: "MCP server", google: "Google", google_oauth_client: "Google OAuth client" };
const labelOf = (name: string) => providerDescriptor(name)?.title ?? otherLabels[name] ?? name;

export type CredentialFit =
  | { isFit: true; /** Where the key goes: the credential's endpoint, normalised. */ endpoint: string }
  | { isFit: false; field: "credentialId" | "baseUrl"; message: string };

/** The endpoint a credential stands for: the one stored with it, else its provider's official API. */
export function credentialEndpoint(credential: CredentialMetadata): string | null {
  if (credential.endpoint) return normalizeEndpoint(credential.endpoint);
  return officialEndpoint(credential.kind);
}

/**
 * Whether a `provider` node with this Base URL ("" or undefined: none) may use the credential. The messages
 * name the problem and the fix, for a diagnostic or a node failure.
 */
export function checkCredentialFit(provider: string, baseUrl: string | undefined, credential: CredentialMetadata): CredentialFit {
  const endpoint = credentialEndpoint(credential);
  if (credential.kind !== provider || endpoint === null) {
    return {
      isFit: false,
      field: "credentialId",
      message: `The selected credential is a ${labelOf(credential.kind)} key, and this is a ${labelOf(provider)} model: pick a ${labelOf(provider)} credential or none.`,
    };
  }
  if (baseUrl && !isSameEndpoint(baseUrl, endpoint)) {
    return {
      isFit: false,
      field: "baseUrl",
      message: `The selected credential may only be sent to ${endpoint}, not to the Base URL ${baseUrl}: clear the Base URL, or store the key again with this Base URL.`,
    };
  }
  return { isFit: true, endpoint };
}

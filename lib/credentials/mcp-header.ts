// MCP server credentials: one header (an API key) bound to the server URL it was stored with. The secret is
// stored as the header's name and value together (sealed by the vault), and is sent only to that URL's origin.
// Shared by the credential service (storing), the compiler (a diagnostic) and the run (a refusal).

/** The credential kind for MCP servers. */
export const MCP_CREDENTIAL_KIND = "mcp";

/** The header a key goes in when none is named; its value then gets the `Bearer ` scheme. */
export const DEFAULT_MCP_HEADER = "Authorization";

export type McpHeaderSecret = { name: string; value: string };

/** RFC 9110 field names: a token of visible characters without separators. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * The sealed form of an MCP key: `{"name","value"}` as JSON. An `Authorization` header gets `Bearer ` before
 * a key that names no scheme. @throws Error naming the problem for an invalid header name or an empty key.
 */
export function encodeMcpSecret(key: string, headerName = DEFAULT_MCP_HEADER): string {
  const name = headerName.trim() || DEFAULT_MCP_HEADER;
  if (!HEADER_NAME.test(name)) throw new Error(`"${name}" is not a valid HTTP header name: use letters, digits and dashes, e.g. X-API-Key`);
  const trimmed = key.trim();
  if (!trimmed) throw new Error("the key is empty: paste the MCP server's API key or token");
  if (/[\r\n]/.test(trimmed)) throw new Error("the key contains a line break: paste it on one line");
  const value = name.toLowerCase() === "authorization" && !/\s/.test(trimmed) ? `Bearer ${trimmed}` : trimmed;
  return JSON.stringify({ name, value } satisfies McpHeaderSecret);
}

/** The header a stored MCP secret stands for. @throws Error when the secret is not in the sealed form. */
export function decodeMcpSecret(secret: string): McpHeaderSecret {
  const parsed = JSON.parse(secret) as Partial<McpHeaderSecret>;
  if (typeof parsed.name !== "string" || typeof parsed.value !== "string") throw new Error("the stored MCP credential is not a header name and value");
  return { name: parsed.name, value: parsed.value };
}

export type McpCredentialFit = { isFit: true } | { isFit: false; message: string };

/**
 * Whether a credential (kind and stored endpoint) may be sent to the MCP server at `serverUrl`: it must be an
 * MCP credential stored for the same origin. The messages name the problem and the fix.
 */
export function checkMcpCredentialFit(serverUrl: string, credential: { kind: string; endpoint: string }): McpCredentialFit {
  if (credential.kind !== MCP_CREDENTIAL_KIND) {
    return { isFit: false, message: `The selected credential is a ${credential.kind} key, not an MCP server key: pick an MCP server credential or none.` };
  }
  const stored = originOf(credential.endpoint);
  if (!stored || stored !== originOf(serverUrl)) {
    return {
      isFit: false,
      message: `The selected credential may only be sent to ${credential.endpoint}, not to ${serverUrl || "an empty URL"}: use that server, or store the key again with this server's URL.`,
    };
  }
  return { isFit: true };
}

function originOf(text: string): string | null {
  try {
    const url = new URL(text.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

// Credentials are write-only: stored encrypted by the vault, listed by name, kind and last four characters.
// The plaintext leaves this module only towards the engine (a run's provider) and Google's clients.
// Every credential belongs to one user: each call names whose (`owner`: a Caller, or the user a run runs
// as), and another user's id reads as one that does not exist, so a run can never decrypt someone else's.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { CredentialMetadata } from "@/lib/llm/providers/credential-fit";
import { normalizeEndpoint } from "@/lib/credentials/endpoints";
import { encodeMcpSecret, MCP_CREDENTIAL_KIND } from "@/lib/credentials/mcp-header";
import { keyedProviderNames, providerDescriptor } from "@/lib/llm/providers";
import { last4, type Vault } from "@/lib/secrets";
import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";

/** Whose credentials: a request's Caller, or `{ userId }` of the user a run runs as. */
export type CredentialOwner = Pick<Caller, "userId">;

/** The model providers' API keys (from the provider registry), MCP servers' keys, Google's OAuth client and Google connections. */
export const credentialKinds = [...keyedProviderNames, MCP_CREDENTIAL_KIND, "google_oauth_client", "google"] as const;
export type CredentialKind = (typeof credentialKinds)[number];

/** `endpoint`: where the secret may be sent (normalised; "" for Google's kinds, which are not sent to a model). */
export type CredentialSummary = { id: string; name: string; kind: CredentialKind; endpoint: string; last4: string; createdAt: Date; updatedAt: Date };

/**
 * The input of `create`: `baseUrl` for model providers' keys (empty means the official API, where there is one)
 * and MCP servers' keys (required: the server URL); `headerName` for MCP keys only (default Authorization, sent
 * as `Bearer <key>`).
 */
export type CreateCredentialInput = { name: string; kind: CredentialKind; secret: string; baseUrl?: string; headerName?: string };

export const credentialNameSchema = z.string().trim().min(1, "name must not be empty").max(100, "name must be at most 100 characters");

const summaryFields = { id: true, name: true, kind: true, endpoint: true, last4: true, createdAt: true, updatedAt: true } as const;
const asSummary = (row: Omit<CredentialSummary, "kind"> & { kind: string }) => row as CredentialSummary;

const notFound = (id: string) =>
  new AppError("NOT_FOUND", `credential "${id}" does not exist`, { userMessage: "This credential no longer exists: pick another one in the node's settings." });

/**
 * The endpoint stored with a new credential: the Base URL entered with it, else its provider's official API.
 * A provider without an official API (OpenAI-compatible) needs the Base URL.
 */
function endpointFor(kind: CredentialKind, baseUrl: string | undefined): string {
  const entered = baseUrl?.trim();
  if (kind === MCP_CREDENTIAL_KIND) return mcpEndpoint(entered);
  const provider = providerDescriptor(kind);
  if (!provider) {
    if (entered) throw new AppError("BAD_REQUEST", `a Base URL was given for a ${kind} credential`, { userMessage: "A Base URL applies to model provider keys only: leave it empty." });
    return "";
  }
  if (!entered) {
    if (provider.endpoint.official) return provider.endpoint.official;
    throw new AppError("BAD_REQUEST", `a ${kind} credential needs a Base URL`, { userMessage: `${provider.title} keys are bound to their server: enter its Base URL, e.g. http://127.0.0.1:1234/v1.` });
  }
  const endpoint = normalizeEndpoint(entered);
  if (!endpoint) {
    throw new AppError("BAD_REQUEST", `"${entered}" is not an http(s) URL`, { userMessage: `The Base URL "${entered}" is not an http or https URL: enter one like https://api.example.com/v1, or leave it empty for the official API.` });
  }
  return endpoint;
}

/** An MCP key is bound to the server URL stored with it: required, http(s). */
function mcpEndpoint(entered: string | undefined): string {
  const endpoint = normalizeEndpoint(entered);
  if (endpoint) return endpoint;
  const problem = entered ? `"${entered}" is not an http(s) URL` : "an MCP server key needs the server's URL";
  throw new AppError("BAD_REQUEST", problem, { userMessage: `${problem}: enter the URL the key is for, e.g. https://mcp.example.com/mcp (it is only ever sent there).` });
}

/** What is sealed: the key itself, or for an MCP key the header name and value it is sent as. */
function sealedSecret(input: CreateCredentialInput): string {
  if (input.kind !== MCP_CREDENTIAL_KIND) {
    if (input.headerName) throw new AppError("BAD_REQUEST", `a header name was given for a ${input.kind} credential`, { userMessage: "A header name applies to MCP server keys only: leave it empty." });
    return input.secret;
  }
  try {
    return encodeMcpSecret(input.secret, input.headerName);
  } catch (error) {
    const message = (error as Error).message;
    throw new AppError("BAD_REQUEST", message, { userMessage: `${message.charAt(0).toUpperCase()}${message.slice(1)}.` });
  }
}

export function createCredentialService({ prisma }: Db, getVault: () => Vault) {
  // The ciphertext is bound to the credential's kind, so a value cannot be moved to another row kind unnoticed.
  const context = (kind: string) => `credential:${kind}`;

  async function create(owner: CredentialOwner, input: CreateCredentialInput): Promise<CredentialSummary> {
    const endpoint = endpointFor(input.kind, input.baseUrl);
    const secret = getVault().encrypt(sealedSecret(input), { context: context(input.kind) });
    const row = await prisma.credential.create({
      data: { userId: owner.userId, name: input.name, kind: input.kind, endpoint, secret, last4: last4(input.secret) },
      select: summaryFields,
    });
    return asSummary(row);
  }

  /** Replaces the secret of a credential (a rotated key, a new Google grant). */
  async function replaceSecret(owner: CredentialOwner, id: string, plaintext: string): Promise<CredentialSummary> {
    const row = await prisma.credential.findFirst({ where: { id, userId: owner.userId } });
    if (!row) throw notFound(id);
    const secret = getVault().encrypt(plaintext, { context: context(row.kind) });
    return asSummary(await prisma.credential.update({ where: { id }, data: { secret, last4: last4(plaintext) }, select: summaryFields }));
  }

  const list = async (owner: CredentialOwner, kind?: CredentialKind): Promise<CredentialSummary[]> =>
    (await prisma.credential.findMany({ where: { userId: owner.userId, ...(kind && { kind }) }, orderBy: { createdAt: "desc" }, select: summaryFields })).map(asSummary);

  async function findLatest(owner: CredentialOwner, kind: CredentialKind): Promise<CredentialSummary | undefined> {
    const row = await prisma.credential.findFirst({ where: { userId: owner.userId, kind }, orderBy: { updatedAt: "desc" }, select: summaryFields });
    return row ? asSummary(row) : undefined;
  }

  async function remove(owner: CredentialOwner, id: string): Promise<{ id: string }> {
    const { count } = await prisma.credential.deleteMany({ where: { id, userId: owner.userId } });
    if (count === 0) throw notFound(id);
    return { id };
  }

  /** The plaintext. Server-side only: never returned by a procedure or written to an event. */
  async function reveal(owner: CredentialOwner, id: string): Promise<string> {
    const row = await prisma.credential.findFirst({ where: { id, userId: owner.userId } });
    if (!row) throw notFound(id);
    return getVault().decrypt(row.secret, { context: context(row.kind) });
  }

  /** What a run sends and where: the secret with the kind and endpoint it was stored for. Server-side only. */
  async function resolveForRun(owner: CredentialOwner, id: string): Promise<CredentialMetadata & { secret: string }> {
    const row = await prisma.credential.findFirst({ where: { id, userId: owner.userId } });
    if (!row) throw notFound(id);
    return { kind: row.kind, endpoint: row.endpoint, secret: getVault().decrypt(row.secret, { context: context(row.kind) }) };
  }

  /** Kind and endpoint of each id that exists (no secret), for the compiler's credential checks. */
  async function describe(owner: CredentialOwner, ids: readonly string[]): Promise<Map<string, CredentialMetadata>> {
    if (ids.length === 0) return new Map();
    const rows = await prisma.credential.findMany({ where: { id: { in: [...ids] }, userId: owner.userId }, select: { id: true, kind: true, endpoint: true } });
    return new Map(rows.map((row) => [row.id, { kind: row.kind, endpoint: row.endpoint }]));
  }

  return { create, replaceSecret, list, findLatest, remove, reveal, resolveForRun, describe };
}

export type CredentialService = ReturnType<typeof createCredentialService>;

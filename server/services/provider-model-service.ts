// Which models a provider's endpoint offers, for the model node's picker: asked with the caller's own stored
// key, sent only to the endpoint that key was stored for, or with the server's environment (its keys go only to
// its own endpoints). Every listing goes through the same address guard as a run: a Base URL the server did
// not configure is checked, and so is every redirect, the server's own endpoints' included.
// A listing is kept briefly per person, provider, credential and endpoint: the picker asks each time a node is
// selected, and a local server's model list is slow to change. Failures are not kept, so a fixed server shows at once.
import { AppError, type AppErrorCode } from "@/lib/errors";
import { guardedFetchFor } from "@/lib/engine";
import type { Environment } from "@/lib/credentials/endpoints";
import { isLLMError, type LLMErrorKind } from "@/lib/llm/errors";
import type { LLMConfigInput, ProviderName } from "@/lib/llm/types";
import { checkCredentialFit } from "@/lib/llm/providers/credential-fit";
import type { CredentialOwner, CredentialService } from "./credential-service.ts";

export type ListModelsInput = { provider: ProviderName; credentialId?: string; baseUrl?: string };

/** The provider layer's listing (ProviderRouter.listModels); throws LLMError. */
export type ModelLister = (provider: ProviderName, overrides: Partial<LLMConfigInput>) => Promise<string[]>;

export type ProviderModelServiceOptions = {
  listModels?: ModelLister;
  /** The server's environment: its endpoints, keys and OSMEN_HTTP_ALLOWLIST. Defaults to process.env. */
  env?: Environment;
  /** How long a successful listing is reused, in milliseconds. Default 60 000. */
  cacheTtlMs?: number;
  /** The clock, in milliseconds since the epoch (tests move it). */
  now?: () => number;
};

/** At most this many listings are kept; the oldest is dropped first. */
const MAX_CACHED_LISTINGS = 500;

const codes: Partial<Record<LLMErrorKind, AppErrorCode>> = { bad_request: "BAD_REQUEST", auth: "BAD_REQUEST", not_found: "BAD_REQUEST", rate_limit: "TOO_MANY_REQUESTS" };

async function providerLayerLister(provider: ProviderName, overrides: Partial<LLMConfigInput>): Promise<string[]> {
  // Loaded on first use: the vendor SDKs are only needed once someone asks.
  const { defaultRouter } = await import("@/lib/llm");
  return defaultRouter.listModels(provider, overrides);
}

export function createProviderModelService(credentials: Pick<CredentialService, "resolveForRun">, options: ProviderModelServiceOptions = {}) {
  const listModels = options.listModels ?? providerLayerLister;
  const cacheTtlMs = options.cacheTtlMs ?? 60_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { storedAt: number; models: string[] }>();

  function remember(key: string, models: string[]): void {
    cache.delete(key);
    cache.set(key, { storedAt: now(), models });
    // A Map iterates in insertion order, so the first key is the oldest listing.
    if (cache.size > MAX_CACHED_LISTINGS) cache.delete(cache.keys().next().value!);
  }

  function recalled(key: string): string[] | undefined {
    const entry = cache.get(key);
    if (!entry) return undefined;
    if (now() - entry.storedAt < cacheTtlMs) return entry.models;
    cache.delete(key);
    return undefined;
  }

  /** Where the listing goes and with which key: the stored credential's endpoint, else the Base URL given, else the environment's. */
  async function overridesFor(owner: CredentialOwner, input: ListModelsInput): Promise<Partial<LLMConfigInput>> {
    const baseUrl = input.baseUrl?.trim() || undefined;
    if (!input.credentialId) return baseUrl ? { baseUrl } : {};
    const credential = await credentials.resolveForRun(owner, input.credentialId);
    const fit = checkCredentialFit(input.provider, baseUrl, credential);
    if (!fit.isFit) throw new AppError("BAD_REQUEST", fit.message, { details: { field: fit.field } });
    return { baseUrl: fit.endpoint, apiKey: credential.secret };
  }

  /**
   * The model ids, as the endpoint lists them (reused for `cacheTtlMs` after a success). NOT_FOUND for another
   * user's credential; the provider's failure otherwise. The credential is looked up every time, so a deleted
   * or foreign one is refused even while a listing made with it is kept.
   */
  async function list(owner: CredentialOwner, input: ListModelsInput): Promise<string[]> {
    const overrides = await overridesFor(owner, input);
    // Through the address guard even for the server's own endpoints: where they redirect is checked.
    const fetch = guardedFetchFor({ env: options.env });
    const key = JSON.stringify([owner.userId, input.provider, input.credentialId ?? "", overrides.baseUrl ?? ""]);
    const kept = recalled(key);
    if (kept) return kept;
    try {
      const models = await listModels(input.provider, { ...overrides, fetch });
      remember(key, models);
      return models;
    } catch (error) {
      if (!isLLMError(error)) throw error;
      throw new AppError(codes[error.kind] ?? "UNAVAILABLE", error.message, { cause: error });
    }
  }

  return { list };
}

export type ProviderModelService = ReturnType<typeof createProviderModelService>;

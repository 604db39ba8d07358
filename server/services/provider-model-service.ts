// Which models a provider's endpoint offers, for the model node's picker: asked with the caller's own stored
// key, sent only to the endpoint that key was stored for, or with the server's environment (its keys go only to
// its own endpoints). Every listing goes through the same address guard as a run: a Base URL the server did
// not configure is checked, and so is every redirect, the server's own endpoints' included.
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
};

const codes: Partial<Record<LLMErrorKind, AppErrorCode>> = { bad_request: "BAD_REQUEST", auth: "BAD_REQUEST", not_found: "BAD_REQUEST", rate_limit: "TOO_MANY_REQUESTS" };

async function providerLayerLister(provider: ProviderName, overrides: Partial<LLMConfigInput>): Promise<string[]> {
  // Loaded on first use: the vendor SDKs are only needed once someone asks.
  const { defaultRouter } = await import("@/lib/llm");
  return defaultRouter.listModels(provider, overrides);
}

export function createProviderModelService(credentials: Pick<CredentialService, "resolveForRun">, options: ProviderModelServiceOptions = {}) {
  const listModels = options.listModels ?? providerLayerLister;

  /** Where the listing goes and with which key: the stored credential's endpoint, else the Base URL given, else the environment's. */
  async function overridesFor(owner: CredentialOwner, input: ListModelsInput): Promise<Partial<LLMConfigInput>> {
    const baseUrl = input.baseUrl?.trim() || undefined;
    if (!input.credentialId) return baseUrl ? { baseUrl } : {};
    const credential = await credentials.resolveForRun(owner, input.credentialId);
    const fit = checkCredentialFit(input.provider, baseUrl, credential);
    if (!fit.isFit) throw new AppError("BAD_REQUEST", fit.message, { details: { field: fit.field } });
    return { baseUrl: fit.endpoint, apiKey: credential.secret };
  }

  /** The model ids, as the endpoint lists them. NOT_FOUND for another user's credential; the provider's failure otherwise. */
  async function list(owner: CredentialOwner, input: ListModelsInput): Promise<string[]> {
    const overrides = await overridesFor(owner, input);
    // Through the address guard even for the server's own endpoints: where they redirect is checked.
    const fetch = guardedFetchFor({ env: options.env });
    try {
      return await listModels(input.provider, { ...overrides, fetch });
    } catch (error) {
      if (!isLLMError(error)) throw error;
      throw new AppError(codes[error.kind] ?? "UNAVAILABLE", error.message, { cause: error });
    }
  }

  return { list };
}

export type ProviderModelService = ReturnType<typeof createProviderModelService>;

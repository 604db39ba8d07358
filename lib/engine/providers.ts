// How a run gets an LLMProvider for a model handle. The executor takes any resolver (tests pass a
// scripted provider); the default one asks the provider layer, after deciding where the request may go and
// with which key: a stored credential only to the endpoint it was stored for, a Base URL typed on a node only
// to public addresses (or the server's own endpoints and OSMEN_HTTP_ALLOWLIST), checked on every request and
// every redirect, the server's own endpoints' redirects included.
import type { ModelConfig } from "@/lib/flow/handles";
import { checkCredentialFit, type CredentialMetadata } from "@/lib/llm/providers/credential-fit";
import type { Environment } from "@/lib/credentials/endpoints";
import { serverEndpointOrigins } from "@/lib/llm/providers/endpoints";
import type { LLMConfigInput, LLMProvider, ProviderName } from "@/lib/llm/types";
import { createGuardedFetch, type GuardedFetchOptions } from "@/lib/tools/guarded-fetch";
import { parseAllowlist } from "@/lib/tools/http-address";
import { EngineError } from "./errors";

export type ProviderContext = { signal: AbortSignal; nodeId: string };

/** `model` is undefined for agents without a model: use the default provider (local first). */
export type ProviderResolver = (model: ModelConfig | undefined, context: ProviderContext) => LLMProvider | Promise<LLMProvider>;

/** A stored credential as a run needs it: its kind, the endpoint it was stored for ("" for the official API), the secret. */
export type ResolvedCredential = CredentialMetadata & { secret: string };

/** Throws (e.g. AppError NOT_FOUND) when the id names no credential of the run's user. */
export type CredentialResolver = (credentialId: string, context: { signal: AbortSignal }) => Promise<ResolvedCredential>;

export type ProviderFactory = (name: string | undefined, overrides: Record<string, unknown>) => LLMProvider | Promise<LLMProvider>;

export type DefaultResolverOptions = {
  resolveCredential?: CredentialResolver;
  /** Defaults to the provider layer's `getLLMProvider`. */
  createProvider?: ProviderFactory;
  /**
   * Where the server's own endpoints (each provider's base URL variable: OLLAMA_HOST, OPENAI_BASE_URL...) and
   * OSMEN_HTTP_ALLOWLIST are read from, on every resolve. Defaults to process.env.
   */
  env?: Environment;
  /** DNS for the address guard (tests answer from a table). */
  resolveHost?: GuardedFetchOptions["resolveHost"];
};

async function providerLayerFactory(name: string | undefined, overrides: Record<string, unknown>): Promise<LLMProvider> {
  // Loaded on first use so that importing the engine (and every test with a scripted provider) does not
  // pull in three vendor SDKs.
  const { getLLMProvider } = await import("@/lib/llm");
  return getLLMProvider(name as ProviderName | undefined, overrides as Partial<LLMConfigInput>);
}

/**
 * The run's default resolver. Rules (see README "Where API keys go"):
 * - a `credentialId` is resolved to `{ kind, endpoint, secret }`; a kind other than the node's provider, or a
 *   node Base URL other than the credential's endpoint, fails the node with EngineError `credential_mismatch`;
 *   otherwise the key goes to the credential's endpoint;
 * - without a credential, the provider layer keeps environment keys for the environment's endpoint only;
 * - every request goes through the address-guarded fetch: a Base URL whose origin the server did not configure
 *   is checked (OSMEN_HTTP_ALLOWLIST exempts hosts), so the refusal surfaces as the call's LLMError
 *   (`bad_request`) before any request; the server's own endpoints pass, but where they redirect is checked.
 */
export function createProviderResolver(options: DefaultResolverOptions = {}): ProviderResolver {
  const createProvider = options.createProvider ?? providerLayerFactory;
  return async (model, context) => {
    if (!model) return createProvider(undefined, { fetch: guardedFetchFor(options) });
    const { provider, credentialId, ...settings } = model;
    const overrides: Record<string, unknown> = Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined && value !== ""));
    if (credentialId) {
      const credential = await resolveStoredCredential(options, credentialId, context);
      const fit = checkCredentialFit(provider, model.baseUrl, credential);
      if (!fit.isFit) throw new EngineError("credential_mismatch", `The model node "${context.nodeId}" cannot run: ${fit.message}`);
      overrides.baseUrl = fit.endpoint;
      overrides.apiKey = credential.secret;
    }
    // Without a credential, a node's own Base URL gets no key from the environment (the provider layer drops
    // it); either way the request, and every redirect it meets, goes through the address guard.
    overrides.fetch = guardedFetchFor(options);
    return createProvider(provider, overrides);
  };
}

/**
 * The address-guarded fetch for every request to a provider, whether to a Base URL typed on a node or to the
 * environment's endpoint. The origins the server configures itself (each provider's environment endpoint, the
 * official APIs) are reached without a check; any other origin, typed on a node or reached by a redirect (even
 * one that a configured endpoint answers), must be public, or a host OSMEN_HTTP_ALLOWLIST names. Refusals are
 * HttpToolError `blocked_url`.
 */
export function guardedFetchFor(options: Pick<DefaultResolverOptions, "env" | "resolveHost"> = {}): typeof fetch {
  const env = options.env ?? process.env;
  const trustedOrigins = serverEndpointOrigins(env);
  const allowlist = parseAllowlist(env.OSMEN_HTTP_ALLOWLIST);
  const build = () => createGuardedFetch({ trustedOrigins, allowlist, resolveHost: options.resolveHost });
  if (options.resolveHost) return build();
  // One fetch per configuration, so the provider layer keeps its SDK clients between calls (it caches them by
  // their settings, the fetch included); the configurations are the few the environment names.
  const key = JSON.stringify([[...trustedOrigins].sort(), allowlist]);
  let shared = sharedGuardedFetches.get(key);
  if (!shared) sharedGuardedFetches.set(key, (shared = build()));
  return shared;
}

const sharedGuardedFetches = new Map<string, typeof fetch>();

async function resolveStoredCredential(options: DefaultResolverOptions, credentialId: string, context: ProviderContext) {
  if (!options.resolveCredential) {
    throw new EngineError(
      "credential_unavailable",
      `The model node "${context.nodeId}" uses a stored credential, but this server has no credential store configured.`,
    );
  }
  return options.resolveCredential(credentialId, { signal: context.signal });
}

/** Accepts a resolver, or one provider for every model (handy in tests and scripts). */
export function toProviderResolver(providers: ProviderResolver | LLMProvider | undefined): ProviderResolver {
  if (!providers) return createProviderResolver();
  if (typeof providers === "function") return providers;
  return () => providers;
}

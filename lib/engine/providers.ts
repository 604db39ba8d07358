// How a run gets an LLMProvider for a model handle. The executor takes any resolver (tests pass a
// scripted provider); the default one asks the provider layer, after turning a credentialId into an
// apiKey through an injected credential resolver (the vault plugs in there).
import type { ModelConfig } from "@/lib/flow/handles";
import type { LLMConfigInput, LLMProvider, ProviderName } from "@/lib/llm/types";
import { EngineError } from "./errors";

export type ProviderContext = { signal: AbortSignal; nodeId: string };

/** `model` is undefined for agents without a model: use the default provider (local first). */
export type ProviderResolver = (model: ModelConfig | undefined, context: ProviderContext) => LLMProvider | Promise<LLMProvider>;

export type CredentialResolver = (credentialId: string, context: { signal: AbortSignal }) => Promise<string>;

export type ProviderFactory = (name: string | undefined, overrides: Record<string, unknown>) => LLMProvider | Promise<LLMProvider>;

export type DefaultResolverOptions = {
  resolveCredential?: CredentialResolver;
  /** Defaults to the provider layer's `getLLMProvider`. */
  createProvider?: ProviderFactory;
};

async function providerLayerFactory(name: string | undefined, overrides: Record<string, unknown>): Promise<LLMProvider> {
  // Loaded on first use so that importing the engine (and every test with a scripted provider) does not
  // pull in three vendor SDKs.
  const { getLLMProvider } = await import("@/lib/llm");
  return getLLMProvider(name as ProviderName | undefined, overrides as Partial<LLMConfigInput>);
}

export function createProviderResolver(options: DefaultResolverOptions = {}): ProviderResolver {
  const createProvider = options.createProvider ?? providerLayerFactory;
  return async (model, context) => {
    if (!model) return createProvider(undefined, {});
    const { provider, credentialId, ...settings } = model;
    const overrides: Record<string, unknown> = Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
    if (credentialId) {
      if (!options.resolveCredential) {
        throw new EngineError(
          "credential_unavailable",
          `The model node "${context.nodeId}" uses a stored credential, but this server has no credential store configured.`,
        );
      }
      overrides.apiKey = await options.resolveCredential(credentialId, { signal: context.signal });
    }
    return createProvider(provider, overrides);
  };
}

/** Accepts a resolver, or one provider for every model (handy in tests and scripts). */
export function toProviderResolver(providers: ProviderResolver | LLMProvider | undefined): ProviderResolver {
  if (!providers) return createProviderResolver();
  if (typeof providers === "function") return providers;
  return () => providers;
}

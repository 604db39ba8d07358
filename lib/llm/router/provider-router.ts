// Chooses and builds providers: the registry's, in its order (local first: Ollama, then OpenAI, Anthropic and
// an OpenAI-compatible server), then whatever was registered.
import { resolveConfig, type Environment } from "../config.ts";
import { LLMError } from "../errors.ts";
import { providerDescriptors } from "../providers/index.ts";
import { providerRuntimes } from "../providers/runtimes.ts";
import type { LLMConfig, LLMConfigInput, LLMProvider, ProviderName } from "../types.ts";
import type { ProviderFactory } from "./provider-factory.ts";
import { toProviderFactory } from "./registry-factory.ts";

export type ProviderRouterOptions = {
  /** Where base URLs and keys come from; read again on every call, so a changed variable is noticed. */
  env?: Environment;
  /** How long a local provider may take to answer its availability probe. */
  probeTimeoutMs?: number;
};

export type ProviderStatus = { name: string; isAvailable: boolean; config: LLMConfig; setupHint: string };

export class ProviderRouter {
  private readonly factories = new Map<string, ProviderFactory>();
  private readonly env: Environment;
  private readonly probeTimeoutMs: number;
  private availableNames: string[] = [];

  constructor(options: ProviderRouterOptions = {}) {
    this.env = options.env ?? process.env;
    this.probeTimeoutMs = options.probeTimeoutMs ?? 1500;
    for (const descriptor of providerDescriptors) this.register(descriptor.name, toProviderFactory(descriptor, providerRuntimes[descriptor.name]));
  }

  /** Adds (or replaces) a provider. New names come after the built-in ones in the fallback order. */
  register(name: ProviderName | (string & {}), factory: ProviderFactory): this {
    this.factories.set(name, factory);
    return this;
  }

  get names(): string[] {
    return [...this.factories.keys()];
  }

  /** The providers found available by the last `initialize()` (or `getProvider()` without a name). */
  get available(): string[] {
    return [...this.availableNames];
  }

  /** Probes every provider, in priority order, and returns the names of those available. */
  async initialize(overrides: Partial<LLMConfigInput> = {}): Promise<string[]> {
    const statuses = await this.status(overrides);
    this.availableNames = statuses.filter((status) => status.isAvailable).map((status) => status.name);
    return this.available;
  }

  async status(overrides: Partial<LLMConfigInput> = {}): Promise<ProviderStatus[]> {
    return Promise.all(
      this.names.map(async (name) => {
        const factory = this.factory(name);
        const config = this.configFor(name, overrides);
        const isAvailable = await factory.isAvailable(config, { timeoutMs: this.probeTimeoutMs }).catch(() => false);
        return { name, isAvailable, config, setupHint: factory.setupHint };
      }),
    );
  }

  /** A named provider is built as asked (its calls report what is wrong); without a name, the first available. */
  async getProvider(name?: ProviderName | (string & {}), overrides: Partial<LLMConfigInput> = {}): Promise<LLMProvider> {
    const chosen = name ?? overrides.provider ?? (await this.firstAvailable(overrides));
    return this.factory(chosen).create(this.configFor(chosen, overrides));
  }

  /**
   * The model ids a provider's endpoint offers (its SDK's own listing), with the same configuration a call
   * would get: the environment's endpoint and key, or the overrides' (a credential's key and endpoint).
   * Throws LLMError: `bad_request` for an unknown provider or one that cannot list, else what the call failed with.
   */
  async listModels(name: string, overrides: Partial<LLMConfigInput> = {}, signal: AbortSignal = AbortSignal.timeout(this.probeTimeoutMs * 10)): Promise<string[]> {
    const factory = this.factory(name);
    if (!factory.listModels) throw new LLMError({ kind: "bad_request", provider: name, message: `The ${name} provider cannot list its models.` });
    return factory.listModels(this.configFor(name, overrides), signal);
  }

  configFor(name: string, overrides: Partial<LLMConfigInput> = {}): LLMConfig {
    const factory = this.factory(name);
    const { provider: _ignored, ...rest } = overrides;
    return resolveConfig(name, factory.defaultModel, factory.fromEnvironment(this.env), rest);
  }

  private async firstAvailable(overrides: Partial<LLMConfigInput>): Promise<string> {
    const available = await this.initialize(overrides);
    if (available[0]) return available[0];
    const hints = this.names.map((name) => `  - ${this.factory(name).setupHint}`);
    throw new LLMError({
      kind: "unavailable",
      provider: "router",
      message: `No LLM provider is available. Set one up:\n${hints.join("\n")}`,
    });
  }

  private factory(name: string): ProviderFactory {
    const factory = this.factories.get(name);
    if (factory) return factory;
    throw new LLMError({
      kind: "bad_request",
      provider: name,
      message: `Unknown LLM provider "${name}". Choose one of: ${this.names.join(", ")}.`,
    });
  }
}

// Turns what a caller gave (overrides, the environment) into a complete, validated LLMConfig.
import { isSameEndpoint, normalizeEndpoint } from "../credentials/endpoints.ts";
import { officialEndpoint } from "./providers/endpoints.ts";
import { LLMError } from "./errors.ts";
import { defaultModels, llmConfigSchema, type CallOptions, type LLMConfig, type LLMConfigInput, type ProviderName } from "./types.ts";

export type Environment = Record<string, string | undefined>;

function validationError(provider: string, error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }) {
  const problems = error.issues.map((issue) => `${issue.path.map(String).join(".") || "config"}: ${issue.message}`);
  return new LLMError({
    kind: "bad_request",
    provider,
    message: `Invalid ${provider} settings: ${problems.join("; ")}. Fix these values in the flow or the call options.`,
  });
}

/** Drops undefined and empty-string values so an unset variable or an empty form field never overrides a default. */
export function definedFields<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined && value !== ""),
  ) as Partial<T>;
}

/**
 * Precedence: explicit overrides, then the environment's defaults, then the schema's. The provider field is the
 * adapter's own name; registered providers outside the registry's are validated as if they were one of them.
 */
export function resolveConfig(
  provider: ProviderName | string,
  defaultModel: string,
  fromEnvironment: Partial<LLMConfigInput>,
  overrides: Partial<LLMConfigInput> = {},
): LLMConfig {
  const isBuiltIn = provider in defaultModels;
  const { environment, isServerEndpoint } = routeEnvironmentKey(provider, definedFields(fromEnvironment), definedFields(overrides));
  const input = { ...environment, ...definedFields(overrides), isServerEndpoint, provider: isBuiltIn ? provider : "ollama" };
  const parsed = llmConfigSchema.safeParse(input);
  if (!parsed.success) throw validationError(provider, parsed.error);
  return { ...parsed.data, provider: provider as ProviderName, model: parsed.data.model ?? defaultModel };
}

/**
 * Keys from the environment go only to the endpoint the environment names (its base URL variable, else the
 * official API): a Base URL override pointing elsewhere gets no environment key, and is marked as not the
 * server's endpoint so error messages do not repeat what it answered.
 */
function routeEnvironmentKey(provider: string, environment: Partial<LLMConfigInput>, overrides: Partial<LLMConfigInput>) {
  const official = officialEndpoint(provider) ?? undefined;
  const target = normalizeEndpoint(overrides.baseUrl);
  if (!overrides.baseUrl) return { environment, isServerEndpoint: true };
  const environmentEndpoint = normalizeEndpoint(environment.baseUrl) ?? official;
  if (target !== null && target === environmentEndpoint) return { environment, isServerEndpoint: true };
  const { apiKey: _kept, ...withoutKey } = environment;
  return { environment: withoutKey, isServerEndpoint: target !== null && target === official };
}

/** A call's options over the provider's config; validated, since a flow's per-node settings arrive here. */
export function applyCallOptions(config: LLMConfig, options: CallOptions | undefined): LLMConfig {
  if (!options) return config;
  // Where a request goes and with which key is fixed when the provider is made (see routeEnvironmentKey);
  // a call may not move the provider's key to another endpoint.
  const { tools: _tools, signal: _signal, baseUrl, apiKey: _apiKey, fetch: _fetch, isServerEndpoint: _trust, ...fields } = options;
  if (baseUrl !== undefined && baseUrl !== "" && !isSameEndpoint(baseUrl, config.baseUrl)) {
    throw new LLMError({
      kind: "bad_request",
      provider: config.provider,
      message: `A call cannot change the ${config.provider} Base URL (to ${baseUrl}); make a provider for that endpoint instead.`,
    });
  }
  const overrides = definedFields(fields);
  if (Object.keys(overrides).length === 0) return config;
  const parsed = llmConfigSchema.safeParse({ ...config, ...overrides, provider: "ollama" });
  if (!parsed.success) throw validationError(config.provider, parsed.error);
  return { ...parsed.data, provider: config.provider, model: parsed.data.model ?? config.model, isServerEndpoint: config.isServerEndpoint };
}

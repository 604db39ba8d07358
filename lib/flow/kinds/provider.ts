// Provider nodes: an LLM configuration offered on a `model` port. One factory, one catalog entry per provider
// in the registry (lib/llm/providers). Each provider's node shows the common settings plus only those its
// descriptor says its adapter honours (Anthropic's Messages API takes no temperature; reasoning effort is
// OpenAI's), and a setting left empty is "provider default": it is not sent at all. Secrets
// never live in a graph: `credentialId` names a stored credential that the run's provider resolver turns into
// an apiKey, and that key goes only to the endpoint it was stored for: the server-side compile checks the
// pairing (see checkCredentials).
import { z } from "zod";
import { checkCredentialFit } from "@/lib/llm/providers/credential-fit";
import { providerDescriptors, type ProviderDescriptor, type ProviderName } from "@/lib/llm/providers";
import { optionalNumber } from "@/lib/llm/providers/settings";
import type { ModelConfig, ModelHandle } from "../handles";
import { defineNodeKind, type CredentialMap, type KindIssue } from "../node-kind";
import { withoutUserInfo } from "../endpoint-url";

const commonFields = {
  model: z
    .string()
    .trim()
    .max(200)
    .default("")
    .meta({ title: "Model", description: "Pick one the provider lists, or type any name. Empty: the provider's default model.", widget: "model" }),
  maxTokens: z.number().int().positive().max(1_000_000).default(4096).meta({ title: "Max tokens" }),
  jsonMode: z.boolean().default(false).meta({ title: "JSON mode", description: "Ask the model for JSON output." }),
  timeoutMs: z.number().int().positive().max(600_000).default(120_000).meta({ title: "Timeout (ms)" }),
  retryAttempts: optionalNumber(z.number().int().min(0).max(10)).meta({
    title: "Retries",
    description: "Retries after a failed request (0: none). Empty: 3.",
  }),
  rateLimitRpm: optionalNumber(z.number().int().positive()).meta({
    title: "Requests per minute",
    description: "Shared by every run using this provider and credential. Empty: no limit here; the provider's own rate-limit answers are retried.",
  }),
  rateLimitTpm: optionalNumber(z.number().int().positive()).meta({
    title: "Tokens per minute",
    description: "Shared by every run using this provider and credential. Empty: no limit here.",
  }),
  baseUrl: withoutUserInfo(z.union([z.url(), z.literal("")])).default("").meta({
    title: "Base URL",
    description: "Optional endpoint override. A stored credential is only sent to the Base URL it was stored with; private and loopback addresses need OSMEN_HTTP_ALLOWLIST.",
  }),
  credentialId: z
    .string()
    .max(200)
    .default("")
    .meta({ title: "Credential", description: "A stored API key; empty uses the server's environment.", widget: "credential" }),
};

/** The config of any provider node: the common fields, and the optional ones a provider may honour. */
type ProviderConfig = z.output<z.ZodObject<typeof commonFields>> & { temperature?: number | ""; reasoningEffort?: string };

const setOrUndefined = <Value>(value: Value | "" | undefined): Value | undefined => (value === "" ? undefined : value);

/** Every field shown is carried to the provider; empty ones as undefined, which the provider layer does not send. */
export function toModelConfig(provider: string, config: ProviderConfig): ModelConfig {
  return {
    provider,
    model: config.model || undefined,
    temperature: setOrUndefined(config.temperature),
    reasoningEffort: setOrUndefined(config.reasoningEffort),
    maxTokens: config.maxTokens,
    jsonMode: config.jsonMode,
    timeoutMs: config.timeoutMs,
    retryAttempts: setOrUndefined(config.retryAttempts),
    rateLimitRpm: setOrUndefined(config.rateLimitRpm),
    rateLimitTpm: setOrUndefined(config.rateLimitTpm),
    baseUrl: config.baseUrl || undefined,
    credentialId: config.credentialId || undefined,
  };
}

/** With the server's credential metadata: the named credential exists for this user, is of this provider's kind and is for this Base URL. */
function checkCredentials(provider: string, config: ProviderConfig, credentials: CredentialMap | undefined): KindIssue[] {
  if (!credentials || !config.credentialId) return [];
  const credential = credentials.get(config.credentialId);
  if (!credential) {
    const message = "The selected credential does not exist (it was deleted, or belongs to someone else): pick another one in the node's settings.";
    return [{ code: "credential_missing", severity: "error", message, field: "credentialId" }];
  }
  const fit = checkCredentialFit(provider, config.baseUrl, credential);
  return fit.isFit ? [] : [{ code: "credential_mismatch", severity: "error", message: fit.message, field: fit.field }];
}

function toModelHandle(provider: string, nodeId: string, config: ProviderConfig): ModelHandle {
  return { kind: "model", nodeId, config: toModelConfig(provider, config) };
}

function summarize(config: ProviderConfig): string {
  const model = config.model || "default model";
  return config.temperature === undefined || config.temperature === "" ? model : `${model} · t=${config.temperature}`;
}

/** A Base URL is optional where the SDK has an official endpoint, and needed (here or in the environment) where not. */
function baseUrlField(descriptor: ProviderDescriptor) {
  if (descriptor.endpoint.official) return commonFields.baseUrl;
  return commonFields.baseUrl.meta({
    title: "Base URL",
    description: `The server's endpoint, e.g. http://127.0.0.1:1234/v1. Empty: ${descriptor.endpoint.baseUrlVariable} on the server. A stored credential is only sent to the Base URL it was stored with; private and loopback addresses need OSMEN_HTTP_ALLOWLIST.`,
  });
}

function defineProviderKind(descriptor: ProviderDescriptor) {
  const provider = descriptor.name;
  // A keyless provider (Ollama) offers no credential to pick: there is no kind of stored key it could use.
  const { credentialId, ...keyless } = commonFields;
  const fields = descriptor.credential === null ? keyless : { ...keyless, credentialId };
  const configSchema = z.object({ ...fields, baseUrl: baseUrlField(descriptor), ...descriptor.settings }) as unknown as z.ZodType<ProviderConfig>;
  return defineNodeKind({
    type: `provider.${provider}`,
    title: descriptor.title,
    category: "models",
    description: descriptor.description,
    configSchema,
    ports: () => ({ inputs: [], outputs: [{ name: "model", type: "model", label: "Model" }] }),
    summarize,
    check: ({ config, credentials }) => checkCredentials(provider, config, credentials),
    run: async (context, _inputs, config) => ({ model: toModelHandle(provider, context.nodeId, config) }),
  });
}

/** One node kind per registered provider, in the registry's order; the catalog lists them all. */
export const providerKinds = providerDescriptors.map(defineProviderKind);

const kindOf = (name: ProviderName) => providerKinds[providerDescriptors.findIndex((descriptor) => descriptor.name === name)]!;

export const ollamaProviderKind = kindOf("ollama");
export const openaiProviderKind = kindOf("openai");
export const anthropicProviderKind = kindOf("anthropic");
export const openaiCompatibleProviderKind = kindOf("openai-compatible");

// Provider nodes: an LLM configuration offered on a `model` port. One factory, three catalog entries. Each
// provider's node shows only the settings its adapter honours (Anthropic's Messages API takes no temperature;
// reasoning effort is OpenAI's), and a setting left empty is "provider default": it is not sent at all. Secrets
// never live in a graph: `credentialId` names a stored credential that the run's provider resolver turns into
// an apiKey, and that key goes only to the endpoint it was stored for: the server-side compile checks the
// pairing (see checkCredentials).
import { z } from "zod";
import { checkCredentialFit } from "@/lib/credentials/credential-fit";
import type { ModelConfig, ModelHandle } from "../handles";
import { defineNodeKind, type CredentialMap, type KindIssue } from "../node-kind";

const providerDefault = "Empty: the provider's default (not sent).";

/** A number that may be left empty (""), meaning "not sent". */
const optionalNumber = (number: z.ZodNumber) => z.union([number, z.literal("")]).default("");

const commonFields = {
  model: z
    .string()
    .trim()
    .max(200)
    .default("")
    .meta({ title: "Model", description: "Leave empty for the provider's default model." }),
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
  baseUrl: z.union([z.url(), z.literal("")]).default("").meta({
    title: "Base URL",
    description: "Optional endpoint override. A stored credential is only sent to the Base URL it was stored with; private and loopback addresses need OSMEN_HTTP_ALLOWLIST.",
  }),
  credentialId: z
    .string()
    .max(200)
    .default("")
    .meta({ title: "Credential", description: "A stored API key; empty uses the server's environment.", widget: "credential" }),
};

const temperature = optionalNumber(z.number().min(0).max(2)).meta({ title: "Temperature", description: providerDefault, widget: "slider" });

const ollamaSchema = z.object({ ...commonFields, temperature });
const openaiSchema = z.object({
  ...commonFields,
  temperature: optionalNumber(z.number().min(0).max(2)).meta({
    title: "Temperature",
    description: `${providerDefault} Reasoning models (o1, o3, o4, gpt-5) never get one.`,
    widget: "slider",
  }),
  reasoningEffort: z
    .enum(["", "minimal", "low", "medium", "high"])
    .default("")
    .meta({ title: "Reasoning effort", description: `Reasoning models only. ${providerDefault}` }),
});
const anthropicSchema = z.object(commonFields);

type ProviderConfig = z.output<typeof anthropicSchema> & { temperature?: number | ""; reasoningEffort?: string };

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

function defineProviderKind<Schema extends z.ZodType<ProviderConfig>>(provider: string, title: string, description: string, configSchema: Schema) {
  return defineNodeKind({
    type: `provider.${provider}`,
    title,
    category: "models",
    description,
    configSchema,
    ports: () => ({ inputs: [], outputs: [{ name: "model", type: "model", label: "Model" }] }),
    summarize,
    check: ({ config, credentials }) => checkCredentials(provider, config, credentials),
    run: async (context, _inputs, config) => ({ model: toModelHandle(provider, context.nodeId, config) }),
  });
}

export const ollamaProviderKind = defineProviderKind("ollama", "Ollama", "A local model served by Ollama.", ollamaSchema);
export const openaiProviderKind = defineProviderKind("openai", "OpenAI", "An OpenAI chat model.", openaiSchema);
export const anthropicProviderKind = defineProviderKind("anthropic", "Anthropic", "An Anthropic Claude model.", anthropicSchema);

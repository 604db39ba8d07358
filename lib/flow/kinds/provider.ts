// Provider nodes: an LLM configuration offered on a `model` port. One factory, three catalog entries,
// because the three differ only in name and title. Secrets never live in a graph: `credentialId` names a
// stored credential that the run's provider resolver turns into an apiKey, and that key goes only to the
// endpoint it was stored for: the server-side compile checks the pairing (see checkCredentials).
import { z } from "zod";
import { checkCredentialFit } from "@/lib/credentials/credential-fit";
import type { ModelHandle } from "../handles";
import { defineNodeKind, type CredentialMap, type KindIssue } from "../node-kind";

const configSchema = z.object({
  model: z
    .string()
    .trim()
    .max(200)
    .default("")
    .meta({ title: "Model", description: "Leave empty for the provider's default model." }),
  temperature: z.number().min(0).max(2).default(0.7).meta({ title: "Temperature", widget: "slider" }),
  maxTokens: z.number().int().positive().max(1_000_000).default(4096).meta({ title: "Max tokens" }),
  jsonMode: z.boolean().default(false).meta({ title: "JSON mode", description: "Ask the model for JSON output." }),
  timeoutMs: z.number().int().positive().max(600_000).default(120_000).meta({ title: "Timeout (ms)" }),
  baseUrl: z.union([z.url(), z.literal("")]).default("").meta({
      title: "Base URL",
      description: "Optional endpoint override. A stored credential is only sent to the Base URL it was stored with; private and loopback addresses need OSMEN_HTTP_ALLOWLIST.",
    }),
  credentialId: z
    .string()
    .max(200)
    .default("")
    .meta({ title: "Credential", description: "A stored API key; empty uses the server's environment.", widget: "credential" }),
});

type ProviderConfig = z.output<typeof configSchema>;

function toModelHandle(provider: string, nodeId: string, config: ProviderConfig): ModelHandle {
  return {
    kind: "model",
    nodeId,
    config: {
      provider,
      model: config.model || undefined,
      temperature: config.temperature,
      maxTokens: config.maxTokens,
      jsonMode: config.jsonMode,
      timeoutMs: config.timeoutMs,
      baseUrl: config.baseUrl || undefined,
      credentialId: config.credentialId || undefined,
    },
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

function defineProviderKind(provider: string, title: string, description: string) {
  return defineNodeKind({
    type: `provider.${provider}`,
    title,
    category: "models",
    description,
    configSchema,
    ports: () => ({ inputs: [], outputs: [{ name: "model", type: "model", label: "Model" }] }),
    summarize: (config) => `${config.model || "default model"} · t=${config.temperature}`,
    check: ({ config, credentials }) => checkCredentials(provider, config, credentials),
    run: async (context, _inputs, config) => ({ model: toModelHandle(provider, context.nodeId, config) }),
  });
}

export const ollamaProviderKind = defineProviderKind("ollama", "Ollama", "A local model served by Ollama.");
export const openaiProviderKind = defineProviderKind("openai", "OpenAI", "An OpenAI chat model.");
export const anthropicProviderKind = defineProviderKind("anthropic", "Anthropic", "An Anthropic Claude model.");

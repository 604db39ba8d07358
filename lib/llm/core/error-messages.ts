// The words a person reads when a call fails: what happened and what to do about it.
import type { LLMErrorKind } from "../errors.ts";

export type ProviderDescription = {
  /** "Ollama", "OpenAI"... */
  label: string;
  baseUrl: string;
  model: string;
  /** The environment variable that holds the key, when the provider needs one. */
  apiKeyVariable?: string;
  /** What to do when the provider cannot be reached. */
  unreachableHint: string;
  /** What to do when the model does not exist there (Ollama: pull it). */
  missingModelHint?: string;
};

type MessageInput = { kind: LLMErrorKind; status?: number; detail: string; attempts: number };

const statusText = (status?: number) => (status ? ` (HTTP ${status})` : "");
const triedText = (attempts: number) => (attempts > 1 ? ` after ${attempts} attempts` : "");

export function describeFailure(provider: ProviderDescription, input: MessageInput): string {
  const { label, baseUrl, model, apiKeyVariable } = provider;
  const detail = input.detail ? `: ${input.detail}` : "";
  switch (input.kind) {
    case "auth":
      return `${label} rejected the credentials${statusText(input.status)}${detail}. Check ${
        apiKeyVariable ?? "the API key"
      } (or the apiKey setting) and that the key may use ${model}.`;
    case "rate_limit":
      return `${label} is rate limiting requests${statusText(input.status)}${triedText(input.attempts)}${detail}. Wait a moment, or lower rateLimitRpm/rateLimitTpm for this provider.`;
    case "timeout":
      return `${label} did not answer in time at ${baseUrl}${triedText(input.attempts)}. Raise timeoutMs, use a smaller model, or try again.`;
    case "unavailable":
      return input.status
        ? `${label} is unavailable${statusText(input.status)}${triedText(input.attempts)}${detail}. Try again later or choose another provider.`
        : `${provider.unreachableHint}${detail && ` (${input.detail})`}`;
    case "bad_request":
      return `${label} refused the request${statusText(input.status)}${detail}. Check the model name (${model}), the messages and the tool definitions.`;
    case "not_found":
      return `${label} has no model "${model}" at ${baseUrl}${statusText(input.status)}${detail}. ${provider.missingModelHint ?? "Check the model name, or leave it empty for the provider's default."}`;
    case "aborted":
      return `The ${label} request was cancelled.`;
    default:
      return `${label} failed${statusText(input.status)}${triedText(input.attempts)}${detail}.`;
  }
}

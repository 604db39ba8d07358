// One SDK client per connection setting, kept between calls. Everything the SDK would otherwise read from
// process.env is passed explicitly, so a router built on another environment object is obeyed.
import OpenAI from "openai";
import type { LLMConfig } from "../types.ts";
import { toOpenAIFailure } from "./openai-failure.ts";

export const defaultOpenAIUrl = "https://api.openai.com/v1";

let cached: { key: string; fetch: LLMConfig["fetch"]; client: OpenAI } | undefined;

export function getOpenAIClient(config: LLMConfig): OpenAI {
  const baseURL = config.baseUrl ?? defaultOpenAIUrl;
  const key = `${baseURL}\u0000${config.apiKey ?? ""}\u0000${config.timeoutMs}`;
  if (cached?.key === key && cached.fetch === config.fetch) return cached.client;
  const client = new OpenAI({
    // A keyless local server (OpenAI-compatible): the SDK insists on a key, so it gets a placeholder whose
    // header is then removed; it must never fall back to process.env's OPENAI_API_KEY.
    apiKey: config.apiKey ?? "unused",
    defaultHeaders: config.apiKey ? undefined : { Authorization: null },
    baseURL,
    // The engine's address guard for a Base URL typed on a node; otherwise the SDK's own fetch.
    fetch: config.fetch,
    organization: null,
    project: null,
    // Retries and the retry policy belong to the shared layer; the SDK's own would multiply them.
    maxRetries: 0,
    timeout: config.timeoutMs,
    logLevel: "off",
  });
  cached = { key, fetch: config.fetch, client };
  return client;
}

/** The model ids behind `GET {baseUrl}/models`, every page of them (OpenAI and the servers that speak its API). */
export async function listOpenAIModels(config: LLMConfig, signal: AbortSignal): Promise<string[]> {
  try {
    const ids: string[] = [];
    for await (const model of getOpenAIClient(config).models.list({ signal })) ids.push(model.id);
    return ids;
  } catch (error) {
    throw toOpenAIFailure(error);
  }
}

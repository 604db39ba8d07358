// One SDK client per connection setting, kept between calls. Everything the SDK would otherwise read from
// process.env is passed explicitly, so a router built on another environment object is obeyed.
import OpenAI from "openai";
import type { LLMConfig } from "../types.ts";

export const defaultOpenAIUrl = "https://api.openai.com/v1";

let cached: { key: string; fetch: LLMConfig["fetch"]; client: OpenAI } | undefined;

export function getOpenAIClient(config: LLMConfig): OpenAI {
  const baseURL = config.baseUrl ?? defaultOpenAIUrl;
  const key = `${baseURL}\u0000${config.apiKey ?? ""}\u0000${config.timeoutMs}`;
  if (cached?.key === key && cached.fetch === config.fetch) return cached.client;
  const client = new OpenAI({
    apiKey: config.apiKey,
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

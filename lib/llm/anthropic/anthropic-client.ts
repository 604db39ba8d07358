// One SDK client per connection setting, kept between calls. The key and URL are passed explicitly so the SDK
// never falls back to its own credential chain (profiles, files) or to process.env behind the router's back.
import Anthropic from "@anthropic-ai/sdk";
import type { LLMConfig } from "../types.ts";

export const defaultAnthropicUrl = "https://api.anthropic.com";

let cached: { key: string; fetch: LLMConfig["fetch"]; client: Anthropic } | undefined;

export function getAnthropicClient(config: LLMConfig & { apiKey: string }): Anthropic {
  const baseURL = config.baseUrl ?? defaultAnthropicUrl;
  const key = `${baseURL}\u0000${config.apiKey}\u0000${config.timeoutMs}`;
  if (cached?.key === key && cached.fetch === config.fetch) return cached.client;
  const client = new Anthropic({
    apiKey: config.apiKey,
    baseURL,
    // The engine's address guard for a Base URL typed on a node; otherwise the SDK's own fetch.
    fetch: config.fetch,
    // Retries and the retry policy belong to the shared layer; the SDK's own would multiply them.
    maxRetries: 0,
    timeout: config.timeoutMs,
    logLevel: "off",
    openTelemetry: false,
  });
  cached = { key, fetch: config.fetch, client };
  return client;
}

// Anthropic described as data (see ProviderDescriptor); its SDK side is anthropic-runtime.ts.
import { defineProvider } from "../providers/descriptor.ts";

export const anthropicProvider = defineProvider({
  name: "anthropic",
  title: "Anthropic",
  description: "An Anthropic Claude model.",
  // claude-sonnet-4-5 is deprecated (end of life 2026-11-30, per SDK 1.14's deprecation list).
  defaultModel: "claude-sonnet-5-5",
  endpoint: { baseUrlVariable: "ANTHROPIC_BASE_URL", apiKeyVariable: "ANTHROPIC_API_KEY", official: "https://api.anthropic.com" },
  credential: { label: "Anthropic API key" },
  // The Messages API as the adapter calls it takes no temperature: nothing beyond the common settings.
  settings: {},
  setupHint: "Anthropic: set ANTHROPIC_API_KEY (and ANTHROPIC_BASE_URL for a proxy)",
});

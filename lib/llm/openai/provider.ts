// OpenAI described as data (see ProviderDescriptor); its SDK side is openai-runtime.ts.
import { defineProvider } from "../providers/descriptor.ts";
import { reasoningEffortSetting, temperatureSetting } from "../providers/settings.ts";

export const openaiProvider = defineProvider({
  name: "openai",
  title: "OpenAI",
  description: "An OpenAI chat model.",
  defaultModel: "gpt-4o-mini",
  endpoint: { baseUrlVariable: "OPENAI_BASE_URL", apiKeyVariable: "OPENAI_API_KEY", official: "https://api.openai.com/v1" },
  credential: { label: "OpenAI API key" },
  settings: {
    temperature: temperatureSetting("Reasoning models (o1, o3, o4, gpt-5) never get one."),
    reasoningEffort: reasoningEffortSetting(),
  },
  setupHint: "OpenAI: set OPENAI_API_KEY (and OPENAI_BASE_URL for a proxy; a local server is the OpenAI-compatible provider)",
});

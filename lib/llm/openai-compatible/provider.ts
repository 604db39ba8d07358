// A server that speaks OpenAI's chat completions API (LM Studio, vLLM, llama.cpp's server, LocalAI...), as
// its own provider: the openai SDK pointed at a Base URL that is always required, since there is no official
// one; a key is optional (most local servers take none). Its SDK side is openai-compatible-runtime.ts.
import { defineProvider } from "../providers/descriptor.ts";
import { temperatureSetting } from "../providers/settings.ts";

export const openaiCompatibleProvider = defineProvider({
  name: "openai-compatible",
  title: "OpenAI-compatible",
  description: "A model on a server that speaks OpenAI's API: LM Studio, vLLM, llama.cpp...",
  // Such servers serve whatever was loaded: the node's Model or OPENAI_COMPATIBLE_MODEL should name it.
  defaultModel: "default",
  endpoint: {
    baseUrlVariable: "OPENAI_COMPATIBLE_BASE_URL",
    apiKeyVariable: "OPENAI_COMPATIBLE_API_KEY",
    modelVariable: "OPENAI_COMPATIBLE_MODEL",
    official: null,
  },
  credential: { label: "OpenAI-compatible API key" },
  // OpenAI's reasoning-only settings are not offered: these servers do not share OpenAI's model families.
  settings: { temperature: temperatureSetting() },
  setupHint:
    "OpenAI-compatible (LM Studio, vLLM, llama.cpp): set OPENAI_COMPATIBLE_BASE_URL (e.g. http://127.0.0.1:1234/v1), and OPENAI_COMPATIBLE_API_KEY if the server wants one",
});

// Ollama described as data (see ProviderDescriptor); its SDK side is ollama-runtime.ts.
import { normalizeOllamaHost } from "../../credentials/ollama-host.mjs";
import { defineProvider } from "../providers/descriptor.ts";
import { temperatureSetting } from "../providers/settings.ts";

export const ollamaProvider = defineProvider({
  name: "ollama",
  title: "Ollama",
  description: "A local model served by Ollama.",
  defaultModel: "llama3.2",
  endpoint: { baseUrlVariable: "OLLAMA_HOST", official: "http://127.0.0.1:11434", normalizeBaseUrl: normalizeOllamaHost },
  // Local and keyless; a key is only needed behind an authenticating proxy, which the Base URL names.
  credential: null,
  settings: { temperature: temperatureSetting() },
  setupHint:
    "Ollama (local, no key): install it from https://ollama.com, run `ollama serve` and `ollama pull llama3.2` (set OLLAMA_HOST if it is not on 127.0.0.1:11434)",
});

// Test helpers: a fake server per provider and a provider pointed at it through a router with its own
// environment (no process.env changes). Used by the *.test.ts files only.
import { startAnthropicServer } from "@/testing/servers/anthropic.ts";
import { startOllamaServer } from "@/testing/servers/ollama.ts";
import { startOpenAIServer } from "@/testing/servers/openai.ts";
import type { ScriptedServer } from "@/testing/servers/scripted-server.ts";
import { ProviderRouter } from "@/lib/llm/router/provider-router.ts";
import type { LLMConfigInput, LLMProvider, ProviderName, StreamChunk } from "@/lib/llm/types.ts";

export const testKeys = { openai: "sk-test-0123456789abcdef", anthropic: "sk-ant-test-0123456789abcdef" };

export type Harness = {
  name: ProviderName;
  server: ScriptedServer;
  env: Record<string, string>;
  provider(overrides?: Partial<LLMConfigInput>): Promise<LLMProvider>;
};

const starters: Record<ProviderName, () => Promise<ScriptedServer>> = {
  ollama: () => startOllamaServer(),
  openai: () => startOpenAIServer({ apiKey: testKeys.openai }),
  anthropic: () => startAnthropicServer({ apiKey: testKeys.anthropic }),
  // A local server such as LM Studio: no key.
  "openai-compatible": () => startOpenAIServer(),
};

export function environmentFor(name: ProviderName, server: ScriptedServer): Record<string, string> {
  if (name === "ollama") return { OLLAMA_HOST: server.url };
  if (name === "openai") return { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: testKeys.openai };
  if (name === "openai-compatible") return { OPENAI_COMPATIBLE_BASE_URL: server.url };
  return { ANTHROPIC_BASE_URL: server.url, ANTHROPIC_API_KEY: testKeys.anthropic };
}

export async function startHarness(name: ProviderName): Promise<Harness> {
  const server = await starters[name]();
  const env = environmentFor(name, server);
  const router = new ProviderRouter({ env });
  return {
    name,
    server,
    env,
    // Small delays keep retry tests fast; everything else is the production default.
    provider: (overrides = {}) => router.getProvider(name, { retryDelayMs: 5, ...overrides }),
  };
}

export async function collect(stream: AsyncIterable<StreamChunk>): Promise<StreamChunk[]> {
  const chunks: StreamChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

/** Settles with the rejection (or throws if the promise resolved), for asserting on an LLMError's fields. */
export async function rejectionOf(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject");
}

// A provider that reports each model call before making it, so the node that provides the model can show
// how often it was used (a `node.used` event per call).
import type { LLMProvider } from "@/lib/llm/types";

/** `provider` with `onCall` run at the start of every generate, chat, toolCall and stream call. */
export function countingCalls(provider: LLMProvider, onCall: () => void): LLMProvider {
  return {
    name: provider.name,
    config: provider.config,
    generate: (prompt, options) => (onCall(), provider.generate(prompt, options)),
    chat: (messages, options) => (onCall(), provider.chat(messages, options)),
    toolCall: (messages, tools, options) => (onCall(), provider.toolCall(messages, tools, options)),
    stream: (messages, options) => (onCall(), provider.stream(messages, options)),
  };
}

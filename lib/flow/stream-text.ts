// Runs one streamed model call and returns the final response, reporting text (and reasoning) as it arrives.
// Shared by the llm kind and the engine's agent loop; pure, so it is safe in any bundle.
import { StreamAssembler } from "@/lib/llm/core/stream-assembler";
import type { CallOptions, ChatMessage, LLMProvider, LLMResponse } from "@/lib/llm/types";

export type StreamTextOptions = CallOptions & {
  onDelta?: (text: string) => void;
  /** Reasoning text (a thinking model's), reported apart from the answer so it is shown collapsed. */
  onReasoning?: (text: string) => void;
};

/**
 * The provider's final response (its `done` chunk). A stream that ends without one still yields what it
 * streamed, assembled by lib/llm's StreamAssembler exactly as the providers assemble theirs.
 */
export async function streamChat(
  provider: LLMProvider,
  messages: ChatMessage[],
  options: StreamTextOptions,
): Promise<LLMResponse> {
  const { onDelta, onReasoning, ...callOptions } = options;
  const assembler = new StreamAssembler(provider.name);
  for await (const chunk of provider.stream(messages, callOptions)) {
    if (chunk.type === "done") return chunk.response;
    assembler.push(chunk);
    if (chunk.type === "text" && chunk.delta) onDelta?.(chunk.delta);
    if (chunk.type === "reasoning" && chunk.delta) onReasoning?.(chunk.delta);
  }
  return assembler.toResponse(provider.config?.model ?? "", 0);
}

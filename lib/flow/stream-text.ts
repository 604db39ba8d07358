// Runs one streamed model call and returns the final response, reporting text (and reasoning) as it arrives.
// Shared by the llm kind and the engine's agent loop; pure, so it is safe in any bundle.
import { parseToolArguments } from "@/lib/tool-arguments";
import type { CallOptions, ChatMessage, LLMProvider, LLMResponse, ToolCall } from "@/lib/llm/types";

export type StreamTextOptions = CallOptions & {
  onDelta?: (text: string) => void;
  /** Reasoning text (a thinking model's), reported apart from the answer so it is shown collapsed. */
  onReasoning?: (text: string) => void;
};

export async function streamChat(
  provider: LLMProvider,
  messages: ChatMessage[],
  options: StreamTextOptions,
): Promise<LLMResponse> {
  const { onDelta, onReasoning, ...callOptions } = options;
  let text = "";
  let reasoning = "";
  const partialCalls = new Map<number, { id?: string; name?: string; json: string }>();
  for await (const chunk of provider.stream(messages, callOptions)) {
    if (chunk.type === "text") {
      text += chunk.delta;
      if (chunk.delta) onDelta?.(chunk.delta);
    } else if (chunk.type === "reasoning") {
      reasoning += chunk.delta;
      if (chunk.delta) onReasoning?.(chunk.delta);
    } else if (chunk.type === "tool_call") {
      const call = partialCalls.get(chunk.index) ?? { json: "" };
      call.id = chunk.id ?? call.id;
      call.name = chunk.name ?? call.name;
      call.json += chunk.argumentsDelta;
      partialCalls.set(chunk.index, call);
    } else {
      return chunk.response;
    }
  }
  // An adapter that ends without a `done` chunk still gives us what it streamed.
  return {
    content: text,
    ...(reasoning ? { reasoning } : {}),
    toolCalls: assembleToolCalls(partialCalls),
    finishReason: partialCalls.size > 0 ? "tool_calls" : "stop",
    usage: { inputTokens: 0, outputTokens: 0 },
    model: provider.config?.model ?? "",
    provider: provider.name,
    latencyMs: 0,
  };
}

function assembleToolCalls(partial: Map<number, { id?: string; name?: string; json: string }>): ToolCall[] {
  return [...partial.entries()]
    .sort(([left], [right]) => left - right)
    .map(([index, call]) => ({
      id: call.id ?? `call_${index}`,
      name: call.name ?? "",
      // Unreadable arguments are flagged, never silently replaced by {}: the tool would run with none.
      ...parseToolArguments(call.json, call.name ?? ""),
    }));
}

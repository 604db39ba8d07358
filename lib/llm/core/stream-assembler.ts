// Turns an adapter's events into StreamChunks and, at the end, the one LLMResponse every provider returns:
// tool calls assembled from their deltas, usage included. The only place streamed tool calls are put
// together: the provider wrapper and lib/flow's stream reader (for a stream that ends without `done`) both
// use it. Browser-safe: it imports nothing but types and the argument reader.
import type { ProviderEvent } from "../adapter.ts";
import { parseToolArguments } from "../tool-arguments.ts";
import type { FinishReason, LLMResponse, StreamChunk, TokenUsage, ToolCall } from "../types.ts";

type PartialToolCall = { id?: string; name?: string; argumentsText: string };

export { parseToolArguments, toolArgumentsOf, type ParsedToolArguments } from "../tool-arguments.ts";

let generatedIds = 0;
/** Some providers (older Ollama) send no call id; results are matched back by id, so one is made up. */
export function generateToolCallId(): string {
  generatedIds += 1;
  return `call_${Date.now().toString(36)}_${generatedIds}`;
}

/**
 * Collects one streamed answer: text and reasoning joined, tool calls joined by `index` (arguments parsed
 * at the end: malformed JSON or a non-object gives `arguments: {}` and an `argumentsError`, see ToolCall).
 */
export class StreamAssembler {
  private content = "";
  private reasoning = "";
  private readonly toolCalls = new Map<number, PartialToolCall>();
  private finish: { finishReason: FinishReason; usage?: Partial<TokenUsage>; model?: string } | undefined;

  constructor(private readonly provider: string) {}

  /** Returns the chunk to hand the caller, or undefined when the event only completes the response. */
  push(event: ProviderEvent): StreamChunk | undefined {
    if (event.type === "text") {
      this.content += event.delta;
      return event;
    }
    if (event.type === "reasoning") {
      this.reasoning += event.delta;
      return event;
    }
    if (event.type === "tool_call") {
      const call = this.toolCalls.get(event.index) ?? { argumentsText: "" };
      call.id ??= event.id;
      call.name ??= event.name;
      call.argumentsText += event.argumentsDelta;
      this.toolCalls.set(event.index, call);
      return event;
    }
    this.finish = event;
    return undefined;
  }

  get isFinished(): boolean {
    return this.finish !== undefined;
  }

  /** The response so far; without a finish event it ends "stop" ("tool_calls" when calls came) with zero usage. */
  toResponse(fallbackModel: string, latencyMs: number): LLMResponse {
    const toolCalls = this.assembleToolCalls();
    return finalizeResponse({
      content: this.content,
      toolCalls,
      finishReason: this.finish?.finishReason ?? "stop",
      usage: { inputTokens: this.finish?.usage?.inputTokens ?? 0, outputTokens: this.finish?.usage?.outputTokens ?? 0 },
      model: this.finish?.model ?? fallbackModel,
      provider: this.provider,
      latencyMs,
      ...(this.reasoning ? { reasoning: this.reasoning } : {}),
    });
  }

  private assembleToolCalls(): ToolCall[] {
    return [...this.toolCalls.entries()]
      .sort(([left], [right]) => left - right)
      .map(([, call]) => ({
        id: call.id ?? generateToolCallId(),
        name: call.name ?? "",
        ...parseToolArguments(call.argumentsText, call.name ?? ""),
      }));
  }
}

/** Same semantics everywhere: a response that carries tool calls finishes with "tool_calls" (Ollama says "stop"). */
export function finalizeResponse(response: LLMResponse): LLMResponse {
  if (response.toolCalls.length > 0 && response.finishReason === "stop") {
    return { ...response, finishReason: "tool_calls" };
  }
  return response;
}

// The contract between the shared provider (retries, limits, timeouts, assembling) and one vendor's adapter.
// An adapter only converts: our request to the SDK's, the SDK's answer and errors back to these shapes.
import type { ProviderDescription } from "./core/error-messages.ts";
import type { NormalizedTool } from "./core/tool-schema.ts";
import type { ChatMessage, FinishReason, LLMConfig, ProviderName, TokenUsage, ToolCall } from "./types.ts";

export type AdapterRequest = {
  config: LLMConfig;
  messages: ChatMessage[];
  tools: NormalizedTool[];
  /** Aborts on the caller's signal, on timeout, and when the stream is left early. */
  signal: AbortSignal;
};

/** What a streaming adapter yields; the shared assembler turns these into StreamChunks and the final response. */
export type ProviderEvent =
  | { type: "text"; delta: string }
  | { type: "reasoning"; delta: string }
  | { type: "tool_call"; index: number; id?: string; name?: string; argumentsDelta: string }
  | { type: "finish"; finishReason: FinishReason; usage?: Partial<TokenUsage>; model?: string };

export type ProviderCompletion = {
  content: string;
  toolCalls: ToolCall[];
  finishReason: FinishReason;
  usage: TokenUsage;
  model: string;
  reasoning?: string;
};

/**
 * An open streamed response. The shared layer iterates `source` itself and asks the adapter to translate each
 * raw chunk synchronously: one async hop per chunk instead of one per layer keeps the adapter's cost per chunk
 * close to the SDK's own.
 */
// Each adapter names its SDK's chunk type; the shared layer never looks inside a raw chunk.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ProviderStream<Raw = any> = {
  source: AsyncIterable<Raw>;
  /** Events to emit before the first chunk (e.g. a prefill the answer continues from). */
  opening?: ProviderEvent[];
  /** The events one raw chunk carries: one, several, or none. */
  translate(raw: Raw): ProviderEvent | ProviderEvent[] | undefined;
  /** After the source ends: the finish event, or undefined when the provider never said it had finished. */
  end(): ProviderEvent | undefined;
  /** Turns what the source threw into a ProviderFailure. */
  toFailure(error: unknown): unknown;
};

export type ProviderAdapter = {
  readonly name: ProviderName | string;
  describe(config: LLMConfig): ProviderDescription;
  /** One non-streamed request. Errors are thrown as ProviderFailure (or anything; unknowns become "provider"). */
  complete(request: AdapterRequest): Promise<ProviderCompletion>;
  /**
   * Opens one streamed request. The promise settles once the HTTP response has started, so a refused or
   * rate-limited stream is retried; failures after that end the stream.
   */
  stream(request: AdapterRequest): Promise<ProviderStream>;
};

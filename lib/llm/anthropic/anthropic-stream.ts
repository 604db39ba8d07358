// Anthropic's SSE events to ProviderEvents: text_delta to text, tool_use blocks and their input_json_delta
// pieces to tool_call deltas (numbered among tool calls only), message_delta to the finish.
import type { RawMessageStreamEvent } from "@anthropic-ai/sdk/resources/messages";
import type { ProviderEvent, ProviderStream } from "../adapter.ts";
import type { FinishReason, TokenUsage } from "../types.ts";
import { toAnthropicFailure } from "./anthropic-failure.ts";
import { mapAnthropicFinishReason } from "./map-finish-reason.ts";

type StreamState = {
  model?: string;
  usage: TokenUsage;
  finishReason?: FinishReason;
  toolIndexByBlock: Map<number, number>;
  isStopped: boolean;
};

function eventOf(event: RawMessageStreamEvent, state: StreamState): ProviderEvent | undefined {
  switch (event.type) {
    case "message_start":
      state.model = event.message.model;
      state.usage.inputTokens = event.message.usage.input_tokens ?? 0;
      state.usage.outputTokens = event.message.usage.output_tokens ?? 0;
      return;
    case "content_block_start":
      if (event.content_block.type !== "tool_use") return;
      state.toolIndexByBlock.set(event.index, state.toolIndexByBlock.size);
      return { type: "tool_call", index: state.toolIndexByBlock.get(event.index)!, id: event.content_block.id, name: event.content_block.name, argumentsDelta: "" };
    case "content_block_delta":
      if (event.delta.type === "text_delta") return { type: "text", delta: event.delta.text };
      if (event.delta.type === "thinking_delta") return { type: "reasoning", delta: event.delta.thinking };
      if (event.delta.type === "input_json_delta") {
        const index = state.toolIndexByBlock.get(event.index);
        if (index !== undefined) return { type: "tool_call", index, argumentsDelta: event.delta.partial_json };
      }
      return;
    case "message_delta":
      state.finishReason = mapAnthropicFinishReason(event.delta.stop_reason);
      // message_delta's usage is cumulative.
      state.usage.outputTokens = event.usage.output_tokens ?? state.usage.outputTokens;
      if (event.usage.input_tokens) state.usage.inputTokens = event.usage.input_tokens;
      return;
    case "message_stop":
      state.isStopped = true;
      return;
  }
}

export function toAnthropicStream(events: AsyncIterable<RawMessageStreamEvent>, prefix: string): ProviderStream<RawMessageStreamEvent> {
  const state: StreamState = { usage: { inputTokens: 0, outputTokens: 0 }, toolIndexByBlock: new Map(), isStopped: false };
  return {
    source: events,
    opening: prefix ? [{ type: "text", delta: prefix }] : [],
    translate: (event) => eventOf(event, state),
    end: () => (state.isStopped ? { type: "finish", finishReason: state.finishReason ?? "stop", usage: state.usage, model: state.model } : undefined),
    toFailure: toAnthropicFailure,
  };
}

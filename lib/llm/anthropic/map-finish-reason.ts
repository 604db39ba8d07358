import type { FinishReason } from "../types.ts";

/** A refusal or a paused turn still ends the answer; running out of room is "length" whichever limit it was. */
export function mapAnthropicFinishReason(reason: string | null | undefined): FinishReason {
  if (reason === "tool_use") return "tool_calls";
  if (reason === "max_tokens" || reason === "model_context_window_exceeded") return "length";
  return "stop";
}

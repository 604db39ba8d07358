import type { FinishReason } from "../types.ts";

/** content_filter ends the answer like a stop; the legacy function_call is a tool call. */
export function mapOpenAIFinishReason(reason: string | null | undefined): FinishReason {
  if (reason === "length") return "length";
  if (reason === "tool_calls" || reason === "function_call") return "tool_calls";
  return "stop";
}

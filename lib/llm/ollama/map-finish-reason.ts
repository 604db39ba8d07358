import type { FinishReason } from "../types.ts";

/** Ollama reports "stop" even when it called a tool; the shared finaliser turns that into "tool_calls". */
export function mapOllamaFinishReason(doneReason: string | undefined): FinishReason {
  return doneReason === "length" ? "length" : "stop";
}

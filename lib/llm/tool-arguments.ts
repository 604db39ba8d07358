// Reading the arguments a model sent with a tool call. Framework-free and dependency-free (browser-safe): the
// adapters use it for whole calls, the stream assembler for calls streamed in pieces.
import type { ToolCall } from "./types.ts";

export type ParsedToolArguments = Pick<ToolCall, "arguments" | "argumentsError">;

/**
 * Reads a tool call's raw JSON arguments. Arguments the engine cannot use (not JSON, or JSON that is not an
 * object) never throw: the call keeps `{}` and an `argumentsError` the agent loop hands back to the model as a
 * tool error, so one malformed call costs one step instead of the whole run.
 */
export function parseToolArguments(text: string, toolName: string): ParsedToolArguments {
  if (text.trim() === "") return { arguments: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { arguments: {}, argumentsError: `the arguments for "${toolName}" are not valid JSON (${reason}); send one JSON object` };
  }
  return toolArgumentsOf(parsed, toolName);
}

/** Arguments that arrived already parsed (Ollama, Anthropic's non-streamed tool_use): they must be an object. */
export function toolArgumentsOf(value: unknown, toolName: string): ParsedToolArguments {
  if (value === undefined || value === null) return { arguments: {} };
  if (typeof value === "object" && !Array.isArray(value)) return { arguments: value as Record<string, unknown> };
  const got = Array.isArray(value) ? "an array" : `a ${typeof value}`;
  return { arguments: {}, argumentsError: `the arguments for "${toolName}" must be a JSON object, not ${got}; send an object of named parameters` };
}

// What a tools/call result becomes for the model: its structured content when the server sent some, else its
// text parts joined; other content (images, audio, resources) is named rather than inlined. An `isError`
// result is the tool's own failure: thrown as McpToolError so the agent loop reports it as a tool error.
import { McpToolError } from "./mcp-errors";

type ContentPart = { type: string; text?: string; mimeType?: string; resource?: { uri?: string; text?: string }; uri?: string };
type CallResult = { content?: unknown; structuredContent?: unknown; isError?: boolean; toolResult?: unknown };

/**
 * The result's value; @throws McpToolError `tool_error` with the result's text, passed through `redact`
 * (which removes the credential the request carried), when `isError` is set.
 */
export function toolResultValue(name: string, result: CallResult, redact: (text: string) => string = (text) => text): unknown {
  const text = contentText(Array.isArray(result.content) ? (result.content as ContentPart[]) : []);
  if (result.isError) throw new McpToolError("tool_error", redact(text) || `the MCP tool "${name}" reported an error without a message`);
  if (result.structuredContent !== undefined) return result.structuredContent;
  // Servers on the 2024-10-07 protocol answer with `toolResult` instead of content.
  if (result.content === undefined && result.toolResult !== undefined) return result.toolResult;
  return text;
}

function contentText(parts: ContentPart[]): string {
  return parts.map(partText).filter(Boolean).join("\n");
}

function partText(part: ContentPart): string {
  if (part.type === "text") return part.text ?? "";
  if (part.type === "resource") return part.resource?.text ?? `[resource ${part.resource?.uri ?? ""}]`;
  if (part.type === "resource_link") return `[resource ${part.uri ?? ""}]`;
  return `[${part.type}${part.mimeType ? ` ${part.mimeType}` : ""}]`;
}

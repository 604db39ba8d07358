// Our messages to Ollama's: tool results name their tool (Ollama's `tool_name`), not a call id.
import type { Message, Tool } from "ollama";
import type { NormalizedTool } from "../core/tool-schema.ts";
import type { ChatMessage } from "../types.ts";

function toolNamesById(messages: ChatMessage[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const message of messages) {
    if (message.role === "assistant") for (const call of message.toolCalls ?? []) names.set(call.id, call.name);
  }
  return names;
}

export function toOllamaMessages(messages: ChatMessage[]): Message[] {
  const names = toolNamesById(messages);
  return messages.map((message): Message => {
    if (message.role === "tool") {
      return { role: "tool", content: message.content, tool_name: message.name ?? names.get(message.toolCallId) };
    }
    if (message.role === "assistant" && message.toolCalls?.length) {
      const toolCalls = message.toolCalls.map((call) => ({ function: { name: call.name, arguments: call.arguments } }));
      return { role: "assistant", content: message.content, tool_calls: toolCalls };
    }
    return { role: message.role, content: message.content };
  });
}

export function toOllamaTools(tools: NormalizedTool[]): Tool[] | undefined {
  if (tools.length === 0) return undefined;
  return tools.map((tool) => ({
    type: "function",
    function: { name: tool.name, description: tool.description, parameters: tool.parameters as Tool["function"]["parameters"] },
  }));
}

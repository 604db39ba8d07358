// Our messages and tools to OpenAI's chat-completions shapes.
import type { ChatCompletionMessageParam, ChatCompletionTool } from "openai/resources/chat/completions";
import { mentionsJson, withJsonInstruction } from "../core/json-mode.ts";
import type { NormalizedTool } from "../core/tool-schema.ts";
import type { ChatMessage } from "../types.ts";

function toOpenAIMessage(message: ChatMessage, systemRole: "system" | "developer"): ChatCompletionMessageParam {
  if (message.role === "system") return { role: systemRole, content: message.content };
  if (message.role === "tool") return { role: "tool", tool_call_id: message.toolCallId, content: message.content };
  if (message.role === "assistant" && message.toolCalls?.length) {
    return {
      role: "assistant",
      content: message.content || null,
      tool_calls: message.toolCalls.map((call) => ({
        id: call.id,
        type: "function",
        function: { name: call.name, arguments: JSON.stringify(call.arguments) },
      })),
    };
  }
  return { role: message.role, content: message.content };
}

/** `response_format: json_object` is refused unless a message mentions JSON, so add the instruction then. */
export function toOpenAIMessages(messages: ChatMessage[], isJsonMode: boolean, systemRole: "system" | "developer" = "system"): ChatCompletionMessageParam[] {
  const prepared = isJsonMode && !mentionsJson(messages) ? withJsonInstruction(messages) : messages;
  return prepared.map((message) => toOpenAIMessage(message, systemRole));
}

export function toOpenAITools(tools: NormalizedTool[]): ChatCompletionTool[] | undefined {
  if (tools.length === 0) return undefined;
  return tools.map((tool) => ({
    type: "function",
    function: { name: tool.name, description: tool.description, parameters: tool.parameters },
  }));
}

// Our messages to Anthropic's: system text apart, tool calls as tool_use blocks, tool results as tool_result
// blocks inside a user turn, and consecutive turns of one role merged (the API wants them alternating).
import type { MessageParam, TextBlockParam, Tool, ToolResultBlockParam, ToolUseBlockParam } from "@anthropic-ai/sdk/resources/messages";
import type { NormalizedTool } from "../core/tool-schema.ts";
import type { ChatMessage } from "../types.ts";

type Block = TextBlockParam | ToolUseBlockParam | ToolResultBlockParam;

function toBlocks(message: Exclude<ChatMessage, { role: "system" }>): Block[] {
  if (message.role === "tool") return [{ type: "tool_result", tool_use_id: message.toolCallId, content: message.content }];
  const blocks: Block[] = message.content ? [{ type: "text", text: message.content }] : [];
  if (message.role === "assistant") {
    for (const call of message.toolCalls ?? []) blocks.push({ type: "tool_use", id: call.id, name: call.name, input: call.arguments });
  }
  return blocks;
}

export function toAnthropicMessages(messages: ChatMessage[]): { system?: string; messages: MessageParam[] } {
  const systemParts: string[] = [];
  const turns: { role: "user" | "assistant"; content: Block[] }[] = [];
  for (const message of messages) {
    if (message.role === "system") {
      systemParts.push(message.content);
      continue;
    }
    const role = message.role === "assistant" ? "assistant" : "user";
    const previous = turns.at(-1);
    if (previous?.role === role) previous.content.push(...toBlocks(message));
    else turns.push({ role, content: toBlocks(message) });
  }
  return { system: systemParts.length > 0 ? systemParts.join("\n\n") : undefined, messages: turns };
}

export function toAnthropicTools(tools: NormalizedTool[]): Tool[] | undefined {
  if (tools.length === 0) return undefined;
  return tools.map((tool) => ({
    name: tool.name,
    description: tool.description,
    input_schema: tool.parameters as Tool["input_schema"],
  }));
}

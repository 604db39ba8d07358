// jsonMode is native on Ollama and OpenAI and by instruction on Anthropic; these helpers keep the wording and
// the clean-up identical everywhere.
import type { ChatMessage } from "../types.ts";

export const jsonInstruction = "Respond with a single valid JSON object and nothing else: no prose, no code fences.";

export function mentionsJson(messages: ChatMessage[]): boolean {
  return messages.some((message) => /json/i.test(message.content));
}

/** Puts the instruction at the end of the system prompt (adding one when there is none). */
export function withJsonInstruction(messages: ChatMessage[]): ChatMessage[] {
  const systemIndex = messages.findLastIndex((message) => message.role === "system");
  if (systemIndex === -1) return [{ role: "system", content: jsonInstruction }, ...messages];
  return messages.map((message, index) =>
    index === systemIndex ? { role: "system", content: `${message.content}\n\n${jsonInstruction}` } : message,
  );
}

/** Models asked for JSON by instruction still sometimes wrap it in a Markdown fence; the answer must parse. */
export function cleanJsonContent(content: string): string {
  const fenced = /^\s*```(?:json)?\s*\n?([\s\S]*?)\n?```\s*$/i.exec(content);
  return (fenced ? fenced[1]! : content).trim();
}

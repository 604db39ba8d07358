// A conversation's earlier messages, as the memory node hands them to LLM and agent nodes: what a chat
// session, the REST API or the OpenAI-compatible endpoint gives a run (ExecuteOptions.history).
import { z } from "zod";

export const chatHistoryMessageSchema = z.object({
  role: z.enum(["system", "user", "assistant"]),
  content: z.string(),
});

/** One earlier message: who said it and its text. */
export type ChatHistoryMessage = z.output<typeof chatHistoryMessageSchema>;

/** Earlier messages, oldest first. */
export type ChatHistory = ChatHistoryMessage[];

export const chatHistorySchema = z.array(chatHistoryMessageSchema);

/**
 * The system messages of `history` and its last `turns` turns, in order. A turn starts at a user message and
 * runs to the next one (its answer included); messages before the first user message stay with the first turn.
 */
export function lastTurns(history: readonly ChatHistoryMessage[], turns: number): ChatHistory {
  const userIndexes = history.flatMap((message, index) => (message.role === "user" ? [index] : []));
  const start = turns <= 0 ? history.length : userIndexes.length <= turns ? 0 : userIndexes[userIndexes.length - turns]!;
  return history.filter((message, index) => index >= start || message.role === "system");
}

/**
 * What a node's `history` input received, as history: nothing connected is none.
 * @throws Error (the node fails with its message) when the value is not a list of { role, content } messages.
 */
export function toChatHistory(value: unknown): ChatHistory {
  if (value === undefined || value === null) return [];
  const parsed = chatHistorySchema.safeParse(value);
  if (!parsed.success) {
    throw new Error(
      "The History input takes a list of chat messages ({ role, content }); connect a Memory node's Messages output to it.",
    );
  }
  return parsed.data;
}

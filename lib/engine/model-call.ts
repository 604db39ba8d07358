// What one model call saw and said: the messages sent (system, history, user, tool results), the tools
// offered, the raw answer, how it ended, what it cost and how long it took. The engine records one per call
// as a `node.model_call` event (model-call-recorder.ts). Pure zod: safe to import in the browser.
import { z } from "zod";
import { plainRecord } from "../plain-data.ts";

/**
 * Characters kept of any one text in a model call (a message, a tool description, the answer). Longer text
 * is cut and ends with a marker saying how many characters were cut, so a stored run stays bounded.
 */
export const MODEL_CALL_TEXT_LIMIT = 20_000;

/**
 * Characters kept of all of one call's messages together: an agent's later calls repeat its whole history,
 * so without this a long tool loop would store megabytes per call. System prompts are kept first, then the
 * newest messages; older ones are cut (with the marker) once the budget is spent.
 */
export const MODEL_CALL_MESSAGES_LIMIT = 200_000;

const toolCallSchema = z.object({
  id: z.string(),
  name: z.string(),
  arguments: plainRecord(z.unknown()),
  /** Why the engine could not use the model's arguments (they went back to it as a tool error). */
  argumentsError: z.string().optional(),
});

export const modelCallMessageSchema = z.discriminatedUnion("role", [
  z.object({ role: z.literal("system"), content: z.string() }),
  z.object({ role: z.literal("user"), content: z.string() }),
  z.object({ role: z.literal("assistant"), content: z.string(), toolCalls: z.array(toolCallSchema).optional() }),
  z.object({ role: z.literal("tool"), toolCallId: z.string(), name: z.string().optional(), content: z.string() }),
]);
export type ModelCallMessage = z.infer<typeof modelCallMessageSchema>;

/** The fields of a `node.model_call` event besides runId, seq, at, type and nodeId. */
export const modelCallFields = {
  /** 1 for a node's first model call, then 2, 3... in the order the calls started. */
  callIndex: z.number().int().positive(),
  /** The provider's name ("ollama", "openai"...) and the model that answered (or was asked, when none did). */
  provider: z.string(),
  model: z.string(),
  messages: z.array(modelCallMessageSchema),
  /** The tools offered to the model, by name and description. */
  tools: z.array(z.object({ name: z.string(), description: z.string() })),
  /** The model's raw answer; absent when the call failed. */
  answer: z.object({ text: z.string(), toolCalls: z.array(toolCallSchema), reasoning: z.string().optional() }).optional(),
  finishReason: z.enum(["stop", "length", "tool_calls"]).optional(),
  usage: z.object({ inputTokens: z.number(), outputTokens: z.number() }).optional(),
  /** Milliseconds from sending the request to the first streamed chunk; absent for a call that did not stream. */
  ttftMs: z.number().optional(),
  /** Milliseconds from sending the request to the end of the answer (or the failure). */
  durationMs: z.number(),
  /** What went wrong, when the call failed. */
  error: z.string().optional(),
};

/** One model call as the run state keeps it (see `modelCallFields`). */
export type ModelCallRecord = z.infer<z.ZodObject<typeof modelCallFields>>;

/** `text` cut to `limit` characters with a marker naming how many were cut; unchanged when it fits. */
export function clipModelCallText(text: string, limit = MODEL_CALL_TEXT_LIMIT): string {
  if (text.length <= limit) return text;
  const marker = `[${(text.length - limit).toLocaleString("en")} characters cut]`;
  return limit > 0 ? `${text.slice(0, limit)}\n${marker}` : marker;
}

/**
 * Each message's content cut to `perMessage` characters, and all of them together to `total`: system
 * messages are served first, then the newest, so the oldest history is what gets cut. Limits in characters.
 */
export function clipModelCallMessages<Message extends { role: string; content: string }>(
  messages: Message[],
  limits: { perMessage: number; total: number } = { perMessage: MODEL_CALL_TEXT_LIMIT, total: MODEL_CALL_MESSAGES_LIMIT },
): Message[] {
  const order = messages.map((_, index) => index).sort((a, b) => rank(messages, a) - rank(messages, b));
  const kept = new Array<number>(messages.length);
  let left = limits.total;
  for (const index of order) {
    kept[index] = Math.min(limits.perMessage, left);
    left -= Math.min(messages[index]!.content.length, kept[index]);
  }
  return messages.map((message, index) => ({ ...message, content: clipModelCallText(message.content, kept[index]) }));
}

// System messages first, then newest to oldest.
const rank = (messages: { role: string }[], index: number) => (messages[index]!.role === "system" ? -1 : messages.length - index);

// Which request parameters each OpenAI model family accepts, decided from the model name. Reasoning models
// (o1, o3, o4, gpt-5) reject sampling parameters: "Unsupported value: 'temperature' does not support 0.7 with
// this model. Only the default (1) value is supported." They take `reasoning_effort` instead, and since o1 the
// `developer` role replaces `system` (OpenAI's reasoning guide and the SDK's ChatCompletionCreateParams docs).
// The one table for these rules: add a family here, never an `if` in the adapter.

export type OpenAIModelFamily = {
  name: string;
  /** `temperature` (and `top_p`) may be sent. */
  acceptsSampling: boolean;
  /** `reasoning_effort` may be sent. */
  acceptsReasoningEffort: boolean;
  /** The role system instructions are sent with. */
  systemRole: "system" | "developer";
};

/** A chat model: takes sampling parameters, no reasoning effort, instructions in the `system` role. */
export const chatFamily: OpenAIModelFamily = { name: "chat", acceptsSampling: true, acceptsReasoningEffort: false, systemRole: "system" };
const reasoningFamily: OpenAIModelFamily = { name: "reasoning", acceptsSampling: false, acceptsReasoningEffort: true, systemRole: "developer" };

/** First match wins; names are matched without an `org/` or `openai/` prefix (gateways add one). */
const familyTable: ReadonlyArray<{ pattern: RegExp; family: OpenAIModelFamily }> = [
  // gpt-5-chat-latest is the non-reasoning model behind ChatGPT: it samples like gpt-4o.
  { pattern: /^gpt-5(\.\d+)?-chat/, family: chatFamily },
  { pattern: /^gpt-5(\.\d+)?($|-)/, family: reasoningFamily },
  { pattern: /^o\d+($|-)/, family: reasoningFamily },
];

export function openAIModelFamily(model: string): OpenAIModelFamily {
  const name = model.toLowerCase().split("/").pop() ?? "";
  return familyTable.find((entry) => entry.pattern.test(name))?.family ?? chatFamily;
}

// One model call on a prompt, streamed so the canvas shows text as it arrives. Chat history (a memory
// node's messages) goes between the system prompt and the prompt.
import { z } from "zod";
import type { ChatMessage } from "@/lib/llm/types";
import { toChatHistory } from "../chat-history";
import type { ModelHandle } from "../handles";
import { defineNodeKind } from "../node-kind";
import { streamChat } from "../stream-text";
import { toText } from "../template";

const configSchema = z.object({
  system: z
    .string()
    .max(100_000)
    .default("")
    .meta({ title: "System prompt", description: "Instructions sent before the prompt.", widget: "textarea" }),
});

export const llmKind = defineNodeKind({
  type: "llm",
  title: "LLM",
  category: "models",
  description: "Sends a prompt to a model and returns its answer.",
  configSchema,
  ports: () => ({
    inputs: [
      { name: "model", type: "model", label: "Model", required: true },
      { name: "prompt", type: "text", label: "Prompt", required: true },
      { name: "history", type: "data", label: "History", description: "Earlier chat messages, from a Memory node." },
    ],
    outputs: [{ name: "text", type: "text", label: "Text" }],
  }),
  summarize: (config) => (config.system ? `system: ${config.system.slice(0, 40)}` : "no system prompt"),
  run: async (context, inputs, config) => {
    const provider = await context.services.resolveProvider(inputs.model as ModelHandle, context);
    const messages: ChatMessage[] = [];
    if (config.system) messages.push({ role: "system", content: config.system });
    messages.push(...toChatHistory(inputs.history));
    messages.push({ role: "user", content: toText(inputs.prompt) });
    const response = await streamChat(provider, messages, {
      signal: context.signal,
      onDelta: (text) => context.emit({ type: "node.delta", text }),
      onReasoning: (text) => context.emit({ type: "node.reasoning", text }),
    });
    context.addUsage(response.usage);
    context.reportAnswer?.({ text: response.content, finishReason: response.finishReason, reasoning: response.reasoning });
    return { text: response.content };
  },
});

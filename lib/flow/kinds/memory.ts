// The conversation so far enters the graph here: a chat session's earlier messages (the run's history), cut
// to the last N turns, for the History input of LLM and agent nodes.
import { z } from "zod";
import { lastTurns } from "../chat-history";
import { defineNodeKind } from "../node-kind";

const configSchema = z.object({
  turns: z
    .number()
    .int()
    .min(1)
    .max(100)
    .default(10)
    .meta({ title: "Turns", description: "How many earlier turns (a message and its answer) to pass on." }),
});

export const memoryKind = defineNodeKind({
  type: "memory",
  title: "Memory",
  category: "io",
  description: "The chat session's earlier messages, as history for LLM and agent nodes.",
  configSchema,
  ports: () => ({ inputs: [], outputs: [{ name: "messages", type: "data", label: "Messages" }] }),
  summarize: (config) => `last ${config.turns} turn${config.turns === 1 ? "" : "s"}`,
  run: async (context, _inputs, config) => ({ messages: lastTurns(context.history, config.turns) }),
});

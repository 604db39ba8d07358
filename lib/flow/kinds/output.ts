// The run's result leaves the graph here. With several output nodes the result is keyed by their names.
import { z } from "zod";
import { defineNodeKind } from "../node-kind";

const configSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .default("result")
    .meta({ title: "Name", description: "The key of this value when a flow has several outputs." }),
});

export const outputKind = defineNodeKind({
  type: "output",
  title: "Output",
  category: "io",
  description: "The result of a run.",
  configSchema,
  ports: () => ({
    inputs: [{ name: "value", type: "data", label: "Value", required: true }],
    outputs: [],
  }),
  summarize: (config) => config.name,
  run: async (_context, inputs) => ({ value: inputs.value }),
});

// The run's input text enters the graph here. A graph has at most one.
import { z } from "zod";
import { defineNodeKind } from "../node-kind";
import { toText } from "../template";

const configSchema = z.object({
  defaultValue: z
    .string()
    .default("")
    .meta({ title: "Default value", description: "Used when a run starts without input.", widget: "textarea" }),
});

export const inputKind = defineNodeKind({
  type: "input",
  title: "Input",
  category: "io",
  description: "The text a run starts with.",
  configSchema,
  ports: () => ({ inputs: [], outputs: [{ name: "text", type: "text", label: "Text" }] }),
  summarize: (config) => (config.defaultValue ? `default: ${config.defaultValue.slice(0, 40)}` : "run input"),
  run: async (context, _inputs, config) => {
    const given = toText(context.runInput);
    return { text: given === "" ? config.defaultValue : given };
  },
});

// A text template; each `{{name}}` placeholder becomes a text input port of the same name.
import { z } from "zod";
import { defineNodeKind } from "../node-kind";
import { extractPlaceholders, renderTemplate } from "../template";

const configSchema = z.object({
  template: z
    .string()
    .max(100_000)
    .default("{{input}}")
    .meta({
      title: "Template",
      description:
        "Text with {{name}} placeholders; each placeholder becomes an input. To write {{name}} literally, put a " +
        "backslash before it: \\{{name}}. JSON braces such as {\"a\": {\"b\": 1}} need no escape.",
      widget: "textarea",
    }),
});

export const promptKind = defineNodeKind({
  type: "prompt",
  title: "Prompt",
  category: "prompts",
  description: "Fills a template with its inputs.",
  configSchema,
  ports: (config) => ({
    inputs: extractPlaceholders(config.template).map((name) => ({ name, type: "text", label: name, required: true })),
    outputs: [{ name: "text", type: "text", label: "Text" }],
  }),
  summarize: (config) => config.template.slice(0, 60),
  run: async (_context, inputs, config) => ({ text: renderTemplate(config.template, inputs) }),
});

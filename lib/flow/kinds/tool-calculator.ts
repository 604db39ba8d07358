// Arithmetic as a tool: models are poor at it, a parser is not.
import { z } from "zod";
import { evaluateExpression } from "@/lib/tools/calculator";
import { defineToolNodeKind, stringArg } from "../tool-node";
import { toolNameField, toToolName } from "../tool-name";

const configSchema = z.object({
  expression: z
    .string()
    .max(1000)
    .default("")
    .meta({ title: "Expression", description: "Evaluated when the Result output is used, e.g. (2 + 3) * 4." }),
  toolName: toolNameField("calculator"),
});

export const calculatorToolKind = defineToolNodeKind({
  type: "tool.calculator",
  title: "Calculator",
  description: "Evaluates arithmetic: + - * / % ^, parentheses, sqrt, round, min, max, log and friends.",
  configSchema,
  toolName: (config) => toToolName(config.toolName),
  toolDescription: () =>
    "Evaluate an arithmetic expression exactly. Supports + - * / % ^, parentheses, pi, e, sqrt, abs, round(x, digits), floor, ceil, min, max, pow, sin, cos, tan, ln, log(x, base), exp.",
  parameters: () => ({
    type: "object",
    properties: { expression: { type: "string", description: "e.g. (17.5 * 3) / 4" } },
    required: ["expression"],
  }),
  configuredArgs: (config) => ({ expression: config.expression }),
  invoke: async (args, config) => {
    const expression = stringArg(args, "expression", config.expression);
    return { expression, result: evaluateExpression(expression) };
  },
  summarize: (config) => config.expression || "expression from the agent",
});

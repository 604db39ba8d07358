// Tool nodes have two faces: a `tool` output an agent may call, and a `data` output that runs the tool
// once with its configured arguments. This helper builds both from one definition.
import type { z } from "zod";
import type { ToolParameters } from "@/lib/llm/types";
import type { ToolHandle, ToolInvokeContext } from "./handles";
import { defineNodeKind, type NodeCategory } from "./node-kind";

export type ToolNodeSpec<Schema extends z.ZodType> = {
  type: string;
  title: string;
  description: string;
  configSchema: Schema;
  toolName(config: z.output<Schema>): string;
  toolDescription(config: z.output<Schema>): string;
  parameters(config: z.output<Schema>): ToolParameters;
  /** The arguments the `data` face runs with. */
  configuredArgs(config: z.output<Schema>): Record<string, unknown>;
  invoke(args: Record<string, unknown>, config: z.output<Schema>, context: ToolInvokeContext): Promise<unknown>;
  summarize(config: z.output<Schema>): string;
};

export function defineToolNodeKind<Schema extends z.ZodType>(spec: ToolNodeSpec<Schema>) {
  const category: NodeCategory = "tools";
  return defineNodeKind({
    type: spec.type,
    title: spec.title,
    category,
    description: spec.description,
    configSchema: spec.configSchema,
    ports: () => ({
      inputs: [],
      outputs: [
        { name: "tool", type: "tool", label: "Tool", description: "Offer this tool to an agent." },
        { name: "data", type: "data", label: "Result", description: "Run once with the configured arguments." },
      ],
    }),
    summarize: spec.summarize,
    run: async (context, _inputs, config) => {
      const tool: ToolHandle = {
        kind: "tool",
        nodeId: context.nodeId,
        definition: { name: spec.toolName(config), description: spec.toolDescription(config), parameters: spec.parameters(config) },
        invoke: (args, invokeContext) => spec.invoke(args, config, invokeContext),
      };
      if (!context.wants("data")) return { tool };
      const invokeContext = { signal: context.signal, services: context.services, callerNodeId: context.nodeId };
      return { tool, data: await spec.invoke(spec.configuredArgs(config), config, invokeContext) };
    },
  });
}

/** Reads an optional string argument a model supplied, falling back to the configured value. */
export function stringArg(args: Record<string, unknown>, name: string, fallback: string): string {
  const value = args[name];
  return typeof value === "string" && value.trim() !== "" ? value : fallback;
}

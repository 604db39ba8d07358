// Tool nodes have two faces at least: a `tool` output an agent may call, and outputs that run the tool once
// with the node's settings (`data`, and for the Google sources also `text` and `status`). `defineToolKind`
// builds what every tool kind shares; `defineToolNodeKind` is the common case with a single `data` face.
import type { z } from "zod";
import type { ToolDefinition, ToolParameters } from "@/lib/llm/types";
import { defineNodeKind, type KindIntegration } from "./node-kind";
import type { PortSpec } from "./ports";
import type { NodeOutputs, NodeRunContext, ToolHandle, ToolInvokeContext } from "./run-context";

/** What every tool kind declares; `faces` are its outputs besides `tool`, run by `runFaces` only when wired. */
export type ToolKindSpec<Schema extends z.ZodType> = {
  type: string;
  title: string;
  description: string;
  configSchema: Schema;
  /** How the `tool` port describes itself on the canvas. */
  toolPortDescription: string;
  definition(config: z.output<Schema>): ToolDefinition;
  invoke(args: Record<string, unknown>, config: z.output<Schema>, context: ToolInvokeContext): Promise<unknown>;
  faces: PortSpec[];
  /** The faces' values, computed once per run when an edge consumes at least one of them. */
  runFaces(config: z.output<Schema>, context: NodeRunContext): Promise<NodeOutputs>;
  summarize(config: z.output<Schema>): string;
  /** The connected account the kind reads, if any (NodeKind.integration). */
  integration?: KindIntegration<z.output<Schema>>;
};

/** A tool kind: no inputs, a `tool` handle bound to the node's config, and the faces the spec lists. */
export function defineToolKind<Schema extends z.ZodType>(spec: ToolKindSpec<Schema>) {
  const toolPort: PortSpec = { name: "tool", type: "tool", label: "Tool", description: spec.toolPortDescription };
  return defineNodeKind({
    type: spec.type,
    title: spec.title,
    category: "tools",
    description: spec.description,
    configSchema: spec.configSchema,
    ports: () => ({ inputs: [], outputs: [toolPort, ...spec.faces] }),
    summarize: spec.summarize,
    integration: spec.integration,
    run: async (context, _inputs, config) => {
      const tool: ToolHandle = {
        kind: "tool",
        nodeId: context.nodeId,
        definition: spec.definition(config),
        invoke: (args, invokeContext) => spec.invoke(args, config, invokeContext),
      };
      if (!spec.faces.some((port) => context.wants(port.name))) return { tool };
      return { tool, ...(await spec.runFaces(config, context)) };
    },
  });
}

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

/** A tool kind whose `data` output runs the tool once with the configured arguments. */
export function defineToolNodeKind<Schema extends z.ZodType>(spec: ToolNodeSpec<Schema>) {
  return defineToolKind({
    type: spec.type,
    title: spec.title,
    description: spec.description,
    configSchema: spec.configSchema,
    toolPortDescription: "Offer this tool to an agent.",
    definition: (config) => ({ name: spec.toolName(config), description: spec.toolDescription(config), parameters: spec.parameters(config) }),
    invoke: spec.invoke,
    faces: [{ name: "data", type: "data", label: "Result", description: "Run once with the configured arguments." }],
    runFaces: async (config, context) => {
      const invokeContext = { signal: context.signal, services: context.services, callerNodeId: context.nodeId };
      return { data: await spec.invoke(spec.configuredArgs(config), config, invokeContext) };
    },
    summarize: spec.summarize,
  });
}

/** Reads an optional string argument a model supplied, falling back to the configured value. */
export function stringArg(args: Record<string, unknown>, name: string, fallback: string): string {
  const value = args[name];
  return typeof value === "string" && value.trim() !== "" ? value : fallback;
}

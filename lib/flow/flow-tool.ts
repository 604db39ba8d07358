// A flow offered as a tool to MCP clients: its tool name, description and input schema. The name rule is the
// strictest that models put on tool names (OpenAI and Anthropic: ^[a-zA-Z0-9_-]{1,64}$), which is also a
// valid MCP tool name, so an MCP client can hand the tool to any model unchanged.
import { z } from "zod";
import { readNodeConfig } from "./catalog.ts";
import { MAX_FLOW_DESCRIPTION_LENGTH } from "./flow-inputs.ts";
import type { FlowGraph } from "./graph-schema.ts";
import { toToolName } from "./tool-name.ts";

export const MAX_FLOW_TOOL_NAME_LENGTH = 64;

/** A flow's MCP tool name: 1 to 64 letters, digits, `_` or `-`. */
export const flowToolNameSchema = z
  .string()
  .trim()
  .min(1, "tool name must not be empty")
  .max(MAX_FLOW_TOOL_NAME_LENGTH, `tool name must be at most ${MAX_FLOW_TOOL_NAME_LENGTH} characters`)
  .regex(/^[A-Za-z0-9_-]+$/, "tool name may only use letters, digits, _ and - (no spaces), e.g. daily_brief");

export const flowToolDescriptionSchema = z
  .string()
  .max(MAX_FLOW_DESCRIPTION_LENGTH, `tool description must be at most ${MAX_FLOW_DESCRIPTION_LENGTH} characters`);

/** The tool name a flow gets until its owner picks one: its name made valid ("Daily brief" -> "Daily_brief"). */
export const defaultFlowToolName = (flowName: string) => toToolName(flowName, "flow");

/** What a client is told a tool does: the chosen description, else the flow's own, else a plain sentence. */
export const flowToolDescriptionOf = (flow: { name: string; description: string }, toolDescription: string) =>
  toolDescription.trim() || flow.description.trim() || `Runs the OsMEN Studio flow "${flow.name}" and answers with its output.`;

/** JSON Schema (draft 2020-12 object) of a tool's arguments. */
export type FlowToolInputSchema = { type: "object"; properties: Record<string, { type: "string"; description: string }>; required?: string[] };

/**
 * The tool's arguments, from the flow's Input node (a graph has at most one): one string `input`, the run's
 * input text, required unless the node has a default value. A flow without an Input node takes no arguments.
 */
export function flowToolInputSchema(graph: FlowGraph): FlowToolInputSchema {
  const inputNode = graph.nodes.find((node) => node.type === "input");
  if (!inputNode) return { type: "object", properties: {} };
  const config = readNodeConfig(inputNode) as { defaultValue?: unknown };
  const defaultValue = typeof config.defaultValue === "string" ? config.defaultValue : "";
  const description = defaultValue
    ? `The flow's input text. Default when left out: ${JSON.stringify(defaultValue.slice(0, 200))}.`
    : "The flow's input text.";
  return { type: "object", properties: { input: { type: "string", description } }, ...(defaultValue ? {} : { required: ["input"] }) };
}

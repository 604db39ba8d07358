// Tools may be declared with a full JSON Schema or the guide's shorthand `{ query: { type: "string" } }`;
// every provider receives the same JSON Schema object.
import type { ToolDefinition } from "../types.ts";
import { setOwn } from "../../plain-data.ts";

export type JsonSchemaObject = {
  type: "object";
  properties: Record<string, unknown>;
  required?: string[];
  [keyword: string]: unknown;
};

export type NormalizedTool = { name: string; description: string; parameters: JsonSchemaObject };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * A full schema says `type: "object"` or has a `properties` map. A shorthand property that happens to be called
 * "properties" is told apart by its own string `type`, which a properties map never has.
 */
function isFullSchema(parameters: Record<string, unknown>): boolean {
  if (parameters.type === "object") return true;
  const properties = parameters.properties;
  return isRecord(properties) && typeof properties.type !== "string";
}

export function normalizeToolParameters(parameters: Record<string, unknown> | undefined): JsonSchemaObject {
  if (!parameters || Object.keys(parameters).length === 0) return { type: "object", properties: {} };
  if (isFullSchema(parameters)) {
    return { ...parameters, type: "object", properties: isRecord(parameters.properties) ? parameters.properties : {} };
  }
  const properties: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(parameters)) {
    setOwn(properties, name, isRecord(schema) ? schema : { type: typeof schema === "string" ? schema : "string" });
  }
  return { type: "object", properties, required: Object.keys(properties) };
}

export function normalizeTools(tools: ToolDefinition[] | undefined): NormalizedTool[] {
  return (tools ?? []).map((tool) => ({
    name: tool.name,
    description: tool.description,
    parameters: normalizeToolParameters(tool.parameters),
  }));
}

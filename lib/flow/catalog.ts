// The node catalog: every kind the canvas offers and the compiler accepts. Adding a kind is one file in
// kinds/ plus one line below.
//
// Where config lives: a graph node stores its settings at `node.data.config` (an object of field values);
// anything missing falls back to the kind's zod defaults. Other keys of `data` (labels, view state) are
// ignored by the compiler.
import { z } from "zod";
import { agentKind } from "./kinds/agent";
import { inputKind } from "./kinds/input";
import { llmKind } from "./kinds/llm";
import { memoryKind } from "./kinds/memory";
import { outputKind } from "./kinds/output";
import { promptKind } from "./kinds/prompt";
import { providerKinds } from "./kinds/provider";
import { teamKind } from "./kinds/team";
import { calculatorToolKind } from "./kinds/tool-calculator";
import { dateTimeToolKind } from "./kinds/tool-datetime";
import { httpToolKind } from "./kinds/tool-http";
import { mcpToolKind } from "./kinds/tool-mcp";
import { googleCalendarToolKind } from "./kinds/tool-google-calendar";
import { gmailToolKind } from "./kinds/tool-gmail";
import type { AnyNodeKind } from "./node-kind";

export const nodeKinds: readonly AnyNodeKind[] = [
  inputKind,
  outputKind,
  memoryKind,
  promptKind,
  // One per provider in lib/llm/providers, in the registry's order.
  ...providerKinds,
  llmKind,
  agentKind,
  teamKind,
  httpToolKind,
  mcpToolKind,
  calculatorToolKind,
  dateTimeToolKind,
  googleCalendarToolKind,
  gmailToolKind,
];

export type NodeCatalog = ReadonlyMap<string, AnyNodeKind>;

export const nodeCatalog: NodeCatalog = new Map(nodeKinds.map((kind) => [kind.type, kind]));

export function getNodeKind(type: string, catalog: NodeCatalog = nodeCatalog): AnyNodeKind | undefined {
  return catalog.get(type);
}

/**
 * The raw config values of a graph node (`data.config`), or an empty object. Takes the node's `data` shape
 * rather than GraphNode so the catalog does not depend on the graph schema, which validates against it.
 */
export function readNodeConfig(node: { data: Record<string, unknown> }): unknown {
  const config = node.data?.config;
  return typeof config === "object" && config !== null ? config : {};
}

/** A kind's config with every default filled in: what a new node on the canvas starts with. */
export function defaultConfig(kind: AnyNodeKind): unknown {
  return kind.configSchema.parse({});
}

/** JSON Schema of a kind's config, with the `.meta` titles and widgets, for the inspector form. */
export function configJsonSchema(kind: AnyNodeKind): Record<string, unknown> {
  return z.toJSONSchema(kind.configSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
}

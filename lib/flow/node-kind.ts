// The shape of one catalog entry. A kind is defined once here; its look lives in components/nodes.
import type { z } from "zod";
import type { CredentialMetadata } from "@/lib/llm/providers/credential-fit";
import type { IntegrationId } from "@/lib/tools/integrations";
import type { NodePorts } from "./ports";
import type { NodeInputs, NodeOutputs, NodeRunContext } from "./run-context";

export const nodeCategories = ["io", "prompts", "models", "agents", "tools"] as const;
export type NodeCategory = (typeof nodeCategories)[number];

/** Credential id -> kind and endpoint, as the server found them for the user; a missing id does not exist for them. */
export type CredentialMap = ReadonlyMap<string, CredentialMetadata>;

/** What a kind's own check sees: its config and which ports are wired, with edge counts. */
export type NodeCheckView<Config> = {
  config: Config;
  inputCounts: Record<string, number>;
  usedOutputs: ReadonlySet<string>;
  /** Only on the server (see CompileOptions.credentials); undefined means "not known here", not "none". */
  credentials?: CredentialMap;
};

export type KindIssue = { code: string; severity: "error" | "warning"; message: string; field?: string };

export type NodeKind<Config> = {
  type: string;
  title: string;
  category: NodeCategory;
  description: string;
  /** A zod object with defaults for every field; `.meta({ title, description, widget })` drives the inspector. */
  configSchema: z.ZodType<Config>;
  /** Ports may depend on config (a prompt's placeholders become inputs). */
  ports(config: Config): NodePorts;
  /** A one-line summary of the key settings for the node's face on the canvas. */
  summarize?(config: Config): string;
  /** Checks that depend on wiring, beyond required ports and port types. */
  check?(view: NodeCheckView<Config>): KindIssue[];
  run(context: NodeRunContext, inputs: NodeInputs, config: Config): Promise<NodeOutputs>;
  /** The connected account the kind reads through, if any (see KindIntegration). */
  integration?: KindIntegration<Config>;
};

/**
 * A kind that reads a connected account: at run time it finds live access at `services.integrations[id]`.
 * `usesSampleData(config)` is true when the node reads made-up data instead (no account needed); the canvas
 * then shows a Sample badge on it.
 */
export type KindIntegration<Config> = { id: IntegrationId; usesSampleData?(config: Config): boolean };

// The registry holds kinds of different config types; `any` here is the price of a heterogeneous list and
// stays confined to this alias (each kind file is fully typed through `defineNodeKind`).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyNodeKind = NodeKind<any>;

/**
 * Whether a node of `kind` with `config` (its effective config) reads made-up data instead of a connected
 * account, as the kind declares (KindIntegration.usesSampleData): the canvas shows a Sample badge on it.
 */
export function readsSampleData(kind: AnyNodeKind | undefined, config: unknown): boolean {
  return kind?.integration?.usesSampleData?.(config) === true;
}

export function defineNodeKind<Schema extends z.ZodType>(
  kind: Omit<NodeKind<z.output<Schema>>, "configSchema"> & { configSchema: Schema },
): NodeKind<z.output<Schema>> {
  return kind as NodeKind<z.output<Schema>>;
}

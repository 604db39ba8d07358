// The shape both Google node kinds share. Like every tool kind they have a `tool` face (an agent calls it)
// and a `data` face (run once with the node's settings); on top, `text` renders the data for a prompt and
// `status` is a one-line account of the source (count, sample data, or the failure) for a brief's footer.
// Browser-safe: live access arrives at run time as `services.integrations.google`, filled by the executor.
import { z } from "zod";
import type { ToolHandle, ToolInvokeContext } from "@/lib/flow/handles";
import { defineNodeKind } from "@/lib/flow/node-kind";
import type { RunServices } from "@/lib/flow/run-context";
import type { ToolParameters } from "@/lib/llm/types";
import { notConnectedError } from "./errors";
import type { GoogleServices } from "./types";

export type SourceContext = Pick<ToolInvokeContext, "signal" | "services">;

export type GoogleSourceSpec<Schema extends z.ZodType, Data> = {
  type: string;
  title: string;
  description: string;
  /** "Google Calendar" or "Gmail": used in messages. */
  service: string;
  configSchema: Schema;
  toolName(config: z.output<Schema>): string;
  toolDescription: string;
  parameters: ToolParameters;
  /** Reads the source; `args` are an agent's arguments (empty for the data face). */
  read(args: Record<string, unknown>, config: z.output<Schema>, context: SourceContext): Promise<Data>;
  /** The data output when reading failed and the node keeps going. */
  failed(message: string, config: z.output<Schema>, context: SourceContext): Data;
  describe(data: Data, config: z.output<Schema>): string;
  status(data: Data): string;
  summarize(config: z.output<Schema>): string;
};

/** Settings every Google node has. */
export const sourceBaseFields = {
  useSampleData: z
    .boolean()
    .default(false)
    .meta({ title: "Use sample data", description: "Made-up data instead of your Google account: try a flow without connecting Google." }),
  continueOnError: z.boolean().default(false).meta({
    title: "Keep going on error",
    description: "When reading fails, pass on an empty result that names the failure instead of failing the node, so the rest of the flow still runs.",
  }),
};

/** Live access for this run, or an error that tells the person how to get it. */
export function requireGoogle(services: RunServices, service: string): GoogleServices {
  const google = services.integrations.google;
  if (!google) throw notConnectedError(service);
  return google;
}

export function defineGoogleSourceKind<Schema extends z.ZodType, Data>(spec: GoogleSourceSpec<Schema, Data>) {
  const runOnce = async (config: z.output<Schema>, context: SourceContext & { continueOnError: boolean }): Promise<Data> => {
    try {
      return await spec.read({}, config, context);
    } catch (error) {
      if (!context.continueOnError || context.signal.aborted) throw error;
      return spec.failed(error instanceof Error ? error.message : String(error), config, context);
    }
  };
  return defineNodeKind({
    type: spec.type,
    title: spec.title,
    category: "tools",
    description: spec.description,
    configSchema: spec.configSchema,
    ports: () => ({
      inputs: [],
      outputs: [
        { name: "tool", type: "tool", label: "Tool", description: "Offer this source to an agent as a tool." },
        { name: "data", type: "data", label: "Result", description: "Read once with the node's settings (JSON)." },
        { name: "text", type: "text", label: "Summary", description: "The result as readable text for a prompt." },
        { name: "status", type: "text", label: "Status", description: "One line: what was read, sample data, or why it failed." },
      ],
    }),
    summarize: spec.summarize,
    // "Use sample data" reads made-up data: the canvas shows a Sample badge and no account is needed.
    integration: { id: "google", usesSampleData: (config) => (config as { useSampleData?: unknown }).useSampleData === true },
    run: async (context, _inputs, config) => {
      const tool: ToolHandle = {
        kind: "tool",
        nodeId: context.nodeId,
        definition: { name: spec.toolName(config), description: spec.toolDescription, parameters: spec.parameters },
        invoke: (args, invokeContext) => spec.read(args, config, invokeContext),
      };
      if (!["data", "text", "status"].some((port) => context.wants(port))) return { tool };
      const continueOnError = (config as { continueOnError?: boolean }).continueOnError === true;
      const data = await runOnce(config, { signal: context.signal, services: context.services, continueOnError });
      return { tool, data, text: spec.describe(data, config), status: spec.status(data) };
    },
  });
}

export function numberArg(args: Record<string, unknown>, name: string, fallback: number, max: number): number {
  const value = args[name];
  return typeof value === "number" && Number.isFinite(value) ? Math.min(max, Math.max(1, Math.floor(value))) : fallback;
}

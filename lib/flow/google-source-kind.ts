// The shape both Google node kinds share. Like every tool kind they have a `tool` face (an agent calls it)
// and a `data` face (run once with the node's settings); on top, `text` renders the data for a prompt and
// `status` is a one-line account of the source (count, sample data, or the failure) for a brief's footer.
// Browser-safe: live access arrives at run time as `services.integrations.google`, filled by the executor; the readers
// in lib/tools/google receive it as plain values (SourceAccess).
import { z } from "zod";
import type { ToolParameters } from "@/lib/llm/types";
import type { SourceAccess } from "@/lib/tools/google/source-access";
import type { RunServices } from "./run-context";
import { toToolName } from "./tool-name";
import { defineToolKind } from "./tool-node";

/** The settings every Google node has (see `sourceBaseFields`, plus its `toolNameField`). */
export type GoogleSourceConfig = { useSampleData: boolean; continueOnError: boolean; toolName: string };

export type GoogleSourceSpec<Schema extends z.ZodType<GoogleSourceConfig>, Data> = {
  type: string;
  title: string;
  description: string;
  configSchema: Schema;
  toolDescription: string;
  parameters: ToolParameters;
  /** Reads the source; `args` are an agent's arguments (empty for the data face). */
  read(args: Record<string, unknown>, config: z.output<Schema>, access: SourceAccess): Promise<Data>;
  /** The data output when reading failed and the node keeps going; `now` is the run's clock. */
  failed(message: string, config: z.output<Schema>, now: Date): Data;
  describe(data: Data, config: z.output<Schema>): string;
  status(data: Data): string;
  /** The summary's parts after "Sample data" (shown when set); empty parts are dropped. */
  summaryParts(config: z.output<Schema>): Array<string | null>;
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

function accessFrom(context: { signal: AbortSignal; services: RunServices }): SourceAccess {
  return { google: context.services.integrations.google, now: context.services.now(), signal: context.signal };
}

const faces = [
  { name: "data", type: "data", label: "Result", description: "Read once with the node's settings (JSON)." },
  { name: "text", type: "text", label: "Summary", description: "The result as readable text for a prompt." },
  { name: "status", type: "text", label: "Status", description: "One line: what was read, sample data, or why it failed." },
] as const;

export function defineGoogleSourceKind<Schema extends z.ZodType<GoogleSourceConfig>, Data>(spec: GoogleSourceSpec<Schema, Data>) {
  const readOnce = async (config: z.output<Schema>, access: SourceAccess): Promise<Data> => {
    try {
      return await spec.read({}, config, access);
    } catch (error) {
      if (!config.continueOnError || access.signal.aborted) throw error;
      return spec.failed(error instanceof Error ? error.message : String(error), config, access.now);
    }
  };
  return defineToolKind({
    type: spec.type,
    title: spec.title,
    description: spec.description,
    configSchema: spec.configSchema,
    toolPortDescription: "Offer this source to an agent as a tool.",
    definition: (config) => ({ name: toToolName(config.toolName), description: spec.toolDescription, parameters: spec.parameters }),
    invoke: (args, config, context) => spec.read(args, config, accessFrom(context)),
    faces: [...faces],
    runFaces: async (config, context) => {
      const data = await readOnce(config, accessFrom(context));
      return { data, text: spec.describe(data, config), status: spec.status(data) };
    },
    summarize: (config) => [config.useSampleData ? "Sample data" : null, ...spec.summaryParts(config)].filter(Boolean).join(" · "),
    // "Use sample data" reads made-up data: the canvas shows a Sample badge and no account is needed.
    integration: { id: "google", usesSampleData: (config) => config.useSampleData === true },
  });
}

/** A whole-number argument a model supplied, kept within 1..max; anything else gives `fallback`. */
export function numberArg(args: Record<string, unknown>, name: string, fallback: number, max: number): number {
  const value = args[name];
  return typeof value === "number" && Number.isFinite(value) ? Math.min(max, Math.max(1, Math.floor(value))) : fallback;
}

// Dates and time zones as a tool: "now" for a model is whatever the run's clock says.
import { z } from "zod";
import { computeDateTime, dateTimeOperations, type DateTimeOperation } from "@/lib/tools/datetime";
import { defineToolNodeKind, stringArg } from "../tool-node";
import { toolNameField, toToolName } from "../tool-name";

const configSchema = z.object({
  operation: z.enum(dateTimeOperations).default("now").meta({ title: "Operation" }),
  date: z.string().max(100).default("").meta({ title: "Date", description: "ISO 8601; empty means now." }),
  duration: z.string().max(100).default("").meta({ title: "Duration", description: 'For add, e.g. "P1DT2H" or "-PT30M".' }),
  timeZone: z.string().max(100).default("UTC").meta({ title: "Time zone", description: 'An IANA name, e.g. "Europe/Paris".' }),
  locale: z.string().max(35).default("en-US").meta({ title: "Locale" }),
  toolName: toolNameField("datetime"),
});

type DateTimeConfig = z.output<typeof configSchema>;

function readOperation(args: Record<string, unknown>, config: DateTimeConfig): DateTimeOperation {
  const operation = stringArg(args, "operation", config.operation);
  return (dateTimeOperations as readonly string[]).includes(operation) ? (operation as DateTimeOperation) : config.operation;
}

export const dateTimeToolKind = defineToolNodeKind({
  type: "tool.datetime",
  title: "Date & time",
  description: "The current time, a date shown in a time zone, or a date plus a duration.",
  configSchema,
  toolName: (config) => toToolName(config.toolName),
  toolDescription: () =>
    "Date and time helper. operation=now gives the current time; format shows `date` in `timeZone`; add adds an ISO 8601 `duration` (P1D, PT2H30M, -P1W) to `date` (default now).",
  parameters: () => ({
    type: "object",
    properties: {
      operation: { type: "string", enum: [...dateTimeOperations] },
      date: { type: "string", description: "ISO 8601 date-time; omit for now" },
      duration: { type: "string", description: "ISO 8601 duration for add" },
      timeZone: { type: "string", description: "IANA time zone, e.g. America/New_York" },
    },
    required: ["operation"],
  }),
  configuredArgs: (config) => ({ ...config }),
  invoke: async (args, config, context) =>
    computeDateTime(
      {
        operation: readOperation(args, config),
        date: stringArg(args, "date", config.date) || undefined,
        duration: stringArg(args, "duration", config.duration) || undefined,
        timeZone: stringArg(args, "timeZone", config.timeZone),
        locale: config.locale,
      },
      context.services.now(),
    ),
  summarize: (config) => `${config.operation} · ${config.timeZone}`,
});

// Gmail as a data source and as a tool, read-only: sender, subject, date and snippet of the messages
// matching a search (default: unread from the last 24 hours). Bodies only when asked. Shows a Sample
// badge when its kind's `integration.usesSampleData` says so.
import { z } from "zod";
import { resolveTimeZone } from "@/lib/tools/google/day-range";
import { describeInbox, gmailStatus } from "@/lib/tools/google/digest";
import { DEFAULT_GMAIL_QUERY, failedGmail, readGmail } from "@/lib/tools/google/gmail-source";
import { defineGoogleSourceKind, numberArg, sourceBaseFields } from "../google-source-kind";
import { stringArg } from "../tool-node";
import { toolNameField } from "../tool-name";

const configSchema = z.object({
  ...sourceBaseFields,
  query: z
    .string()
    .max(1000)
    .default(DEFAULT_GMAIL_QUERY)
    .meta({ title: "Search", description: 'Gmail search syntax, e.g. "is:unread newer_than:1d" or "from:boss@example.com".' }),
  maxResults: z.number().int().min(1).max(50).default(10).meta({ title: "Max messages" }),
  includeBody: z.boolean().default(false).meta({ title: "Include bodies", description: "Plain-text bodies (truncated). Off: snippets only." }),
  timeZone: z.string().max(100).default("").meta({ title: "Time zone", description: "For times in the summary; empty uses the Google account's (else the server's)." }),
  toolName: toolNameField("gmail"),
});

type GmailConfig = z.output<typeof configSchema>;

function settingsFrom(args: Record<string, unknown>, config: GmailConfig) {
  return {
    useSampleData: config.useSampleData,
    query: stringArg(args, "query", config.query),
    maxResults: numberArg(args, "maxResults", config.maxResults, 50),
    includeBody: typeof args.includeBody === "boolean" ? args.includeBody : config.includeBody,
    timeZone: config.timeZone,
  };
}

function displayZone(config: GmailConfig): string {
  try {
    return resolveTimeZone(config.timeZone);
  } catch {
    return "UTC";
  }
}

export const gmailToolKind = defineGoogleSourceKind({
  type: "tool.gmail",
  title: "Gmail",
  description: "Messages matching a search (default: unread from the last 24 hours): sender, subject, date, snippet. Read-only.",
  configSchema,
  toolDescription:
    "Read-only: search the mailbox. Returns messages (from, subject, date, snippet, needsReply). Bodies only with includeBody=true.",
  parameters: {
    type: "object",
    properties: {
      query: { type: "string", description: `Gmail search, default "${DEFAULT_GMAIL_QUERY}"` },
      maxResults: { type: "integer", description: "At most this many messages, 1-50" },
      includeBody: { type: "boolean", description: "Also return plain-text bodies (long); default false" },
    },
  },
  read: (args, config, access) => readGmail(settingsFrom(args, config), access),
  failed: (message, config) => failedGmail(message, config),
  describe: (data, config) => describeInbox(data, data.timeZone ?? displayZone(config)),
  status: gmailStatus,
  summaryParts: (config) => [config.query || DEFAULT_GMAIL_QUERY, `≤${config.maxResults}`],
});

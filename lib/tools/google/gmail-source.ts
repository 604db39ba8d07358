// Reading messages for the Gmail node: live through `services.google`, or the sample inbox.
import { sampleEmails } from "./sample-data";
import { requireGoogle, type SourceContext } from "./source-kind";
import type { GmailData } from "./types";

export const DEFAULT_GMAIL_QUERY = "is:unread newer_than:1d";

export type GmailReadSettings = { useSampleData: boolean; query: string; maxResults: number; includeBody: boolean };

export async function readGmail(settings: GmailReadSettings, context: SourceContext): Promise<GmailData> {
  const query = settings.query.trim() || DEFAULT_GMAIL_QUERY;
  if (settings.useSampleData) {
    return { source: "gmail", isSample: true, query, emails: sampleEmails(context.services.now(), settings.maxResults) };
  }
  const google = requireGoogle(context.services, "Gmail");
  const emails = await google.listMessages({ query, maxResults: settings.maxResults, includeBody: settings.includeBody }, { signal: context.signal });
  return { source: "gmail", isSample: false, query, emails };
}

export function failedGmail(message: string, settings: Pick<GmailReadSettings, "useSampleData" | "query">): GmailData {
  return { source: "gmail", isSample: settings.useSampleData, query: settings.query.trim() || DEFAULT_GMAIL_QUERY, emails: [], error: message };
}

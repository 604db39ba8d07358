// Reading messages for the Gmail node: live through `access.google`, or the sample inbox.
import { sampleEmails } from "./sample-data";
import { requireGoogle, type SourceAccess } from "./source-access";
import type { GmailData } from "./types";

export const DEFAULT_GMAIL_QUERY = "is:unread newer_than:1d";

/** `timeZone`: the node's setting; empty asks Google for the account's (the primary calendar's zone). */
export type GmailReadSettings = { useSampleData: boolean; query: string; maxResults: number; includeBody: boolean; timeZone?: string };

export async function readGmail(settings: GmailReadSettings, access: SourceAccess): Promise<GmailData> {
  const query = settings.query.trim() || DEFAULT_GMAIL_QUERY;
  if (settings.useSampleData) {
    return { source: "gmail", isSample: true, query, emails: sampleEmails(access.now, settings.maxResults) };
  }
  const google = requireGoogle(access.google, "Gmail");
  const emails = await google.listMessages({ query, maxResults: settings.maxResults, includeBody: settings.includeBody }, { signal: access.signal });
  // Times read in the owner's zone rather than the server's; without Calendar access the server's stays.
  const zone = settings.timeZone ? null : await google.calendarTimeZone("primary", { signal: access.signal }).catch(() => null);
  return { source: "gmail", isSample: false, query, emails, ...(zone ? { timeZone: zone.timeZone } : {}) };
}

export function failedGmail(message: string, settings: Pick<GmailReadSettings, "useSampleData" | "query">): GmailData {
  return { source: "gmail", isSample: settings.useSampleData, query: settings.query.trim() || DEFAULT_GMAIL_QUERY, emails: [], error: message };
}

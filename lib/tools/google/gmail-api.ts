// Gmail v1 through googleapis, read-only: list the ids matching a search, then fetch each message's headers
// (format "metadata"), or, only when bodies were asked for, its whole source (format "raw"), which
// mailparser reads whatever its MIME structure and charsets (see mail-message.ts).
// The Gmail API alone: googleapis' index would load all of its APIs (see oauth.ts).
import { gmail, type gmail_v1 } from "googleapis/build/src/apis/gmail";
import { looksLikeItNeedsReply } from "./analysis";
import { parseMailSource } from "./mail-message";
import type { OAuthClient } from "./oauth";
import type { EmailSummary, GmailQuery } from "./types";

export type GmailApi = gmail_v1.Gmail;

const MAX_BODY_CHARS = 20_000;
const HEADERS = ["From", "Subject", "Date"];

export function createGmailApi(auth: OAuthClient, rootUrl?: string): GmailApi {
  return gmail({ version: "v1", auth, ...(rootUrl ? { rootUrl } : {}) });
}

function header(message: gmail_v1.Schema$Message, name: string): string {
  return message.payload?.headers?.find((entry) => entry.name?.toLowerCase() === name.toLowerCase())?.value ?? "";
}

function dateOf(message: gmail_v1.Schema$Message): string {
  const internal = Number(message.internalDate);
  const parsed = Number.isFinite(internal) && internal > 0 ? internal : Date.parse(header(message, "Date"));
  return Number.isNaN(parsed) ? "" : new Date(parsed).toISOString();
}

/** A message fetched with format "metadata": headers as Gmail decoded them, no body. */
export function toEmailSummary(message: gmail_v1.Schema$Message): EmailSummary {
  const summary = {
    id: message.id ?? "",
    threadId: message.threadId ?? "",
    from: header(message, "From"),
    subject: header(message, "Subject") || "(no subject)",
    date: dateOf(message),
    snippet: message.snippet ?? "",
    isUnread: message.labelIds?.includes("UNREAD") ?? false,
  };
  return { ...summary, needsReply: looksLikeItNeedsReply(summary) };
}

/** A message fetched with format "raw": headers and a readable body from its source (at most 20,000 characters). */
export async function toEmailSummaryWithBody(message: gmail_v1.Schema$Message): Promise<EmailSummary> {
  const mail = await parseMailSource(Buffer.from(message.raw ?? "", "base64url"));
  const internal = Number(message.internalDate);
  const summary = {
    id: message.id ?? "",
    threadId: message.threadId ?? "",
    from: mail.from,
    subject: mail.subject || "(no subject)",
    date: Number.isFinite(internal) && internal > 0 ? new Date(internal).toISOString() : (mail.date?.toISOString() ?? ""),
    snippet: message.snippet ?? "",
    isUnread: message.labelIds?.includes("UNREAD") ?? false,
  };
  return { ...summary, needsReply: looksLikeItNeedsReply(summary), body: mail.body.slice(0, MAX_BODY_CHARS) };
}

export async function listMessages(api: GmailApi, query: GmailQuery, signal?: AbortSignal): Promise<EmailSummary[]> {
  const list = await api.users.messages.list({ userId: "me", q: query.query, maxResults: query.maxResults }, { signal });
  const ids = (list.data.messages ?? []).slice(0, query.maxResults).map((message) => message.id!).filter(Boolean);
  // Gmail lists newest first; Promise.all keeps that order.
  if (query.includeBody) {
    const messages = await Promise.all(ids.map((id) => api.users.messages.get({ userId: "me", id, format: "raw" }, { signal })));
    return Promise.all(messages.map((response) => toEmailSummaryWithBody(response.data)));
  }
  const messages = await Promise.all(ids.map((id) => api.users.messages.get({ userId: "me", id, format: "metadata", metadataHeaders: HEADERS }, { signal })));
  return messages.map((response) => toEmailSummary(response.data));
}

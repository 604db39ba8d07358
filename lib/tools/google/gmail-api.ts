// Gmail v1 through googleapis, read-only: list the ids matching a search, then fetch each message's headers
// (format "metadata"), or its full payload only when bodies were asked for.
import { google, type gmail_v1 } from "googleapis";
import { looksLikeItNeedsReply } from "./analysis";
import type { OAuthClient } from "./oauth";
import type { EmailSummary, GmailQuery } from "./types";

export type GmailApi = gmail_v1.Gmail;

const MAX_BODY_CHARS = 20_000;
const HEADERS = ["From", "Subject", "Date"];

export function createGmailApi(auth: OAuthClient, rootUrl?: string): GmailApi {
  return google.gmail({ version: "v1", auth, ...(rootUrl ? { rootUrl } : {}) });
}

function header(message: gmail_v1.Schema$Message, name: string): string {
  return message.payload?.headers?.find((entry) => entry.name?.toLowerCase() === name.toLowerCase())?.value ?? "";
}

/** The first text/plain part, depth first, decoded; HTML-only messages give an empty body. */
function plainBody(part: gmail_v1.Schema$MessagePart | undefined): string {
  if (!part) return "";
  if (part.mimeType === "text/plain" && part.body?.data) return Buffer.from(part.body.data, "base64url").toString("utf8");
  for (const child of part.parts ?? []) {
    const text = plainBody(child);
    if (text) return text;
  }
  return "";
}

function dateOf(message: gmail_v1.Schema$Message): string {
  const internal = Number(message.internalDate);
  const parsed = Number.isFinite(internal) && internal > 0 ? internal : Date.parse(header(message, "Date"));
  return Number.isNaN(parsed) ? "" : new Date(parsed).toISOString();
}

export function toEmailSummary(message: gmail_v1.Schema$Message, includeBody: boolean): EmailSummary {
  const summary = {
    id: message.id ?? "",
    threadId: message.threadId ?? "",
    from: header(message, "From"),
    subject: header(message, "Subject") || "(no subject)",
    date: dateOf(message),
    snippet: message.snippet ?? "",
    isUnread: message.labelIds?.includes("UNREAD") ?? false,
  };
  const body = includeBody ? plainBody(message.payload).slice(0, MAX_BODY_CHARS) : undefined;
  return { ...summary, needsReply: looksLikeItNeedsReply(summary), ...(body !== undefined ? { body } : {}) };
}

export async function listMessages(api: GmailApi, query: GmailQuery, signal?: AbortSignal): Promise<EmailSummary[]> {
  const list = await api.users.messages.list({ userId: "me", q: query.query, maxResults: query.maxResults }, { signal });
  const ids = (list.data.messages ?? []).slice(0, query.maxResults).map((message) => message.id!).filter(Boolean);
  const format = query.includeBody ? "full" : "metadata";
  const messages = await Promise.all(
    ids.map((id) => api.users.messages.get({ userId: "me", id, format, metadataHeaders: query.includeBody ? undefined : HEADERS }, { signal })),
  );
  // Gmail lists newest first; keep that order.
  return messages.map((response) => toEmailSummary(response.data, query.includeBody));
}

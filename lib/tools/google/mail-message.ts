// A whole message (Gmail's format "raw": the RFC 822 source, base64url) read as text. mailparser walks any
// MIME structure (nested multipart/alternative and multipart/mixed, single parts), undoes base64 and
// quoted-printable, decodes every charset label through iconv-lite, decodes RFC 2047 headers, and turns an
// HTML-only body into plain text (html-to-text), so no part of that is written by hand here.
import { simpleParser, type AddressObject } from "mailparser";

/** What a message reads as: decoded headers and a plain-text body. */
export type ParsedMail = { from: string; subject: string; date?: Date; body: string };

function addresses(field: AddressObject | AddressObject[] | undefined): string {
  const list = (Array.isArray(field) ? field : field ? [field] : []).flatMap((group) => group.value);
  return list.map((entry) => (entry.name ? `${entry.name} <${entry.address ?? ""}>` : (entry.address ?? ""))).join(", ");
}

/**
 * Parses an RFC 822 message. The body is its text/plain part when it has one, else the text of its HTML
 * part, trimmed; "" when it has neither. Never throws for malformed MIME (mailparser reads what it can).
 */
export async function parseMailSource(source: Buffer | string): Promise<ParsedMail> {
  const parsed = await simpleParser(source, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
  const text = typeof parsed.text === "string" ? parsed.text : "";
  return { from: addresses(parsed.from), subject: parsed.subject ?? "", date: parsed.date, body: text.trim() };
}

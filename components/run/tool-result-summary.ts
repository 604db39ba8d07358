// A tool's answer as a person reads it in the timeline: a one-line summary, with the raw JSON (pretty
// printed) kept apart so the view can fold it away.

/** `summary`: one line; `raw`: the pretty-printed JSON, only when the result was JSON worth unfolding. */
export type ToolResultSummary = { summary: string; raw?: string };

const MAX_SUMMARY = 120;
const MAX_FIELDS = 4;
const MAX_VALUE = 40;

const clip = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

const plural = (count: number, noun: string) => `${count.toLocaleString("en")} ${noun}${count === 1 ? "" : "s"}`;

function describeValue(value: unknown): string {
  if (typeof value === "string") return `"${clip(value.replace(/\s+/g, " "), MAX_VALUE)}"`;
  if (Array.isArray(value)) return `[${plural(value.length, "item")}]`;
  if (value !== null && typeof value === "object") return `{${plural(Object.keys(value).length, "field")}}`;
  return String(value);
}

function describeObject(object: Record<string, unknown>): string {
  const entries = Object.entries(object);
  const shown = entries.slice(0, MAX_FIELDS).map(([key, value]) => `${key}: ${describeValue(value)}`);
  const more = entries.length > MAX_FIELDS ? ` (+${entries.length - MAX_FIELDS} more)` : "";
  return entries.length === 0 ? "{} (empty)" : `${shown.join(", ")}${more}`;
}

function parseJson(text: string): { isJson: true; value: unknown } | { isJson: false } {
  try {
    return { isJson: true, value: JSON.parse(text) };
  } catch {
    return { isJson: false };
  }
}

/** Summarises a tool result string: plain text is clipped; JSON becomes its fields or item count, raw kept. */
export function summarizeToolResult(result: string): ToolResultSummary {
  const parsed = parseJson(result);
  if (!parsed.isJson || typeof parsed.value !== "object" || parsed.value === null) {
    return { summary: clip(result.replace(/\s+/g, " ").trim(), MAX_SUMMARY) };
  }
  const { value } = parsed;
  const summary = Array.isArray(value)
    ? `${plural(value.length, "item")}${value.length > 0 ? `, first: ${typeof value[0] === "object" && value[0] !== null && !Array.isArray(value[0]) ? describeObject(value[0] as Record<string, unknown>) : describeValue(value[0])}` : ""}`
    : describeObject(value as Record<string, unknown>);
  return { summary: clip(summary, MAX_SUMMARY), raw: JSON.stringify(value, null, 2) };
}

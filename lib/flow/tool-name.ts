// Display names are free text; the name a model calls a tool by is not. OpenAI and Anthropic both require
// tool (function) names matching ^[a-zA-Z0-9_-]{1,64}$, so names shown to people are mapped onto that.
import { z } from "zod";

const MAX_TOOL_NAME = 64;

/**
 * The tool name derived from a display name: accents dropped ("Café" → "Cafe"), every run of other
 * characters becomes one `_` ("Research agent" → "Research_agent"), cut to 64 characters. A name with no
 * usable character gives `fallback`. Uniqueness among an agent's tools is kept where they are gathered.
 */
export function toToolName(displayName: string, fallback = "tool"): string {
  const ascii = displayName.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  const name = ascii
    .replace(/[^A-Za-z0-9_-]+/g, "_")
    .replace(/^[_-]+|[_-]+$/g, "")
    .slice(0, MAX_TOOL_NAME);
  return name || fallback;
}

/** A tool node's "Tool name" setting: free text, mapped with `toToolName` when offered to a model. */
export function toolNameField(defaultName: string) {
  return z
    .string()
    .trim()
    .min(1, "give the tool a name")
    .max(100)
    .default(defaultName)
    .meta({ title: "Tool name", description: "Shown to the model; any text, turned into letters, digits, _ and -." });
}

// `{{name}}` placeholders: the prompt kind's input ports and its rendering.
//
// Escapes, so any text can be written: `\{{` is a literal `{{` (so `\{{name}}` renders as `{{name}}` and makes
// no input), and `\\{{name}}` is a literal backslash followed by the placeholder. A backslash anywhere else
// is kept as written, so JSON and regular expressions in a template pass through unchanged.

// One token at a time, left to right: an escaped backslash before `{{`, an escaped `{{`, or a placeholder.
const tokenPattern = /\\\\(?=\{\{)|\\\{\{|\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** What each escape renders as; placeholders are filled from the values. */
function renderToken(token: string, name: string | undefined, values: Record<string, unknown>): string {
  if (name !== undefined) return toText(values[name]);
  return token === "\\{{" ? "{{" : "\\";
}

/** Distinct placeholder names in order of first appearance; escaped ones (`\{{name}}`) are not placeholders. */
export function extractPlaceholders(template: string): string[] {
  const names: string[] = [];
  for (const match of template.matchAll(tokenPattern)) {
    const name = match[1];
    if (name !== undefined && !names.includes(name)) names.push(name);
  }
  return names;
}

/** Fills each placeholder with `toText(values[name])` and resolves the escapes described above. */
export function renderTemplate(template: string, values: Record<string, unknown>): string {
  return template.replace(tokenPattern, (token: string, name: string | undefined) => renderToken(token, name, values));
}

/** How any value becomes prompt text: strings as they are, everything else as JSON. */
export function toText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

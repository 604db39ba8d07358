// `{{name}}` placeholders: the prompt kind's input ports and its rendering.
const placeholderPattern = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Distinct placeholder names in order of first appearance. */
export function extractPlaceholders(template: string): string[] {
  const names: string[] = [];
  for (const match of template.matchAll(placeholderPattern)) {
    if (!names.includes(match[1]!)) names.push(match[1]!);
  }
  return names;
}

export function renderTemplate(template: string, values: Record<string, unknown>): string {
  return template.replace(placeholderPattern, (_whole, name: string) => toText(values[name]));
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

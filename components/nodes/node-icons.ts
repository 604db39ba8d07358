// Which glyph each node kind shows on its face, and the glyphs themselves (stroke paths on a 24x24 grid,
// drawn in the face's text colour). Kept in one place so a new kind gets its icon here, never in the face.

/** The glyphs node faces can show. */
export type NodeIconName =
  | "input" | "output" | "prompt" | "llm" | "model" | "agent" | "team" | "memory"
  | "calculator" | "clock" | "globe" | "plug" | "calendar" | "mail" | "unknown";

/** SVG path data per glyph, for `<path d>` with `fill="none"` and a round 2-unit stroke. */
export const nodeIconPaths: Readonly<Record<NodeIconName, string>> = {
  input: "M3 12h11M10 8l4 4-4 4M15 4h4a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-4",
  output: "M10 12h11M17 8l4 4-4 4M9 4H5a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h4",
  prompt: "M5 4h14v16H5zM8 9h8M8 13h8M8 17h5",
  llm: "M12 3l2.2 5.8L20 11l-5.8 2.2L12 19l-2.2-5.8L4 11l5.8-2.2z",
  model: "M7 7h10v10H7zM10 3v4M14 3v4M10 17v4M14 17v4M3 10h4M3 14h4M17 10h4M17 14h4",
  agent: "M12 4a4 4 0 1 1 0 8 4 4 0 0 1 0-8zM4 21c1-4 4-6 8-6s7 2 8 6",
  team: "M9 5a3 3 0 1 1 0 6 3 3 0 0 1 0-6zM2 20c.8-3.5 3.3-5 7-5s6.2 1.5 7 5M16 5.5a3 3 0 0 1 0 5.5M18 15c2 .6 3.3 2.2 4 5",
  memory: "M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3zM4 6v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3",
  calculator: "M6 3h12v18H6zM9 7h6M9 12h.01M12 12h.01M15 12h.01M9 16h.01M12 16h.01M15 16h.01",
  clock: "M12 3a9 9 0 1 1 0 18 9 9 0 0 1 0-18zM12 7v5l3 2",
  globe: "M12 3a9 9 0 1 1 0 18 9 9 0 0 1 0-18zM3 12h18M12 3c2.5 2.5 3.5 5.5 3.5 9s-1 6.5-3.5 9c-2.5-2.5-3.5-5.5-3.5-9s1-6.5 3.5-9z",
  plug: "M9 3v5M15 3v5M6 8h12v3a6 6 0 0 1-12 0zM12 17v4",
  calendar: "M4 5h16v16H4zM4 10h16M8 3v4M16 3v4",
  mail: "M3 5h18v14H3zM3 6l9 7 9-7",
  unknown: "M9 9a3 3 0 1 1 4 2.8c-.6.3-1 .8-1 1.5V15M12 18.5h.01",
};

/** The glyph of each kind, by kind type; every model provider (`provider.*`) shows the model chip. */
const iconByKind: Readonly<Record<string, NodeIconName>> = {
  input: "input",
  output: "output",
  prompt: "prompt",
  llm: "llm",
  agent: "agent",
  team: "team",
  memory: "memory",
  "tool.calculator": "calculator",
  "tool.datetime": "clock",
  "tool.http": "globe",
  "tool.mcp": "plug",
  "tool.google_calendar": "calendar",
  "tool.gmail": "mail",
};

/** The glyph for a node of kind `type`; "unknown" for a type this table does not know. */
export function nodeIconOf(type: string): NodeIconName {
  const icon = Object.hasOwn(iconByKind, type) ? iconByKind[type] : undefined;
  return icon ?? (type.startsWith("provider.") ? "model" : "unknown");
}

// Which editor command a key press means. Pure, so the mapping is testable without a browser.
export type EditorCommand = "undo" | "redo" | "copy" | "paste" | "duplicate" | "delete" | "selectAll";

type KeyPress = { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean };

export function commandForKey(press: KeyPress): EditorCommand | null {
  if (press.altKey) return null;
  const isMod = press.ctrlKey || press.metaKey;
  const key = press.key.toLowerCase();
  if (!isMod) return key === "delete" || key === "backspace" ? "delete" : null;
  if (key === "z") return press.shiftKey ? "redo" : "undo";
  if (key === "y" && !press.shiftKey) return "redo";
  if (press.shiftKey) return null;
  const byKey: Record<string, EditorCommand> = { c: "copy", v: "paste", d: "duplicate", a: "selectAll" };
  return byKey[key] ?? null;
}

/** Keys typed into a field belong to the field (its own undo, its own select-all). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== "function") return false;
  return (target as Element).closest("input, textarea, select, [contenteditable='true']") !== null;
}

// Every keyboard shortcut of the app in one table: the handlers match key presses against it and the
// buttons' titles and help texts read their words from it, so a key and its description cannot drift.
// Pure, so the mapping is testable without a browser.

/** What a key press can ask for. */
export type KeyAction =
  | "undo"
  | "redo"
  | "copy"
  | "paste"
  | "duplicate"
  | "delete"
  | "selectAll"
  | "openRunDialog"
  | "submitRunInput"
  | "closeDialog"
  | "showShortcuts";

/** Where a binding listens: the whole editor page, the run dialog's input box, or any open dialog. */
export type KeyScope = "page" | "runInput" | "dialog";

// `true`/`false` require the modifier held or not; "either" ignores it. `mod` is Ctrl, or Cmd on a Mac.
type Modifier = boolean | "either";
type KeyChord = { key: string; mod: Modifier; shift: Modifier; alt: Modifier };

/** One row of the keymap: an action, its name for people, where it listens and the chords that ask for it. */
export type KeyBinding = { action: KeyAction; label: string; scope: KeyScope; chords: readonly KeyChord[] };

const withMod = (key: string, shift = false): KeyChord => ({ key, mod: true, shift, alt: false });

export const keymap: readonly KeyBinding[] = [
  { action: "undo", label: "Undo", scope: "page", chords: [withMod("z")] },
  { action: "redo", label: "Redo", scope: "page", chords: [withMod("z", true), withMod("y")] },
  { action: "copy", label: "Copy", scope: "page", chords: [withMod("c")] },
  { action: "paste", label: "Paste", scope: "page", chords: [withMod("v")] },
  { action: "duplicate", label: "Duplicate", scope: "page", chords: [withMod("d")] },
  { action: "selectAll", label: "Select all", scope: "page", chords: [withMod("a")] },
  {
    action: "delete",
    label: "Delete",
    scope: "page",
    chords: ["Delete", "Backspace"].map((key) => ({ key, mod: false, shift: "either", alt: false })),
  },
  { action: "openRunDialog", label: "Run", scope: "page", chords: [withMod("Enter")] },
  // "?" is Shift+/ on most layouts, so Shift is not looked at.
  { action: "showShortcuts", label: "Keyboard shortcuts", scope: "page", chords: [{ key: "?", mod: false, shift: "either", alt: false }] },
  // Shift+Enter is left to the text box: it adds a new line.
  { action: "submitRunInput", label: "Run", scope: "runInput", chords: [{ key: "Enter", mod: "either", shift: false, alt: "either" }] },
  { action: "closeDialog", label: "Close", scope: "dialog", chords: [{ key: "Escape", mod: "either", shift: "either", alt: "either" }] },
];

type KeyPress = { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean };

const holds = (wanted: Modifier, isHeld: boolean) => wanted === "either" || wanted === isHeld;

const chordMatches = (chord: KeyChord, press: KeyPress) =>
  chord.key.toLowerCase() === press.key.toLowerCase() &&
  holds(chord.mod, press.ctrlKey || press.metaKey) &&
  holds(chord.shift, press.shiftKey) &&
  holds(chord.alt, press.altKey);

/** The action a key press asks for in a scope, or null when it asks for none. */
export function actionForKey(press: KeyPress, scope: KeyScope): KeyAction | null {
  return keymap.find((binding) => binding.scope === scope && binding.chords.some((chord) => chordMatches(chord, press)))?.action ?? null;
}

const bindingOf = (action: KeyAction): KeyBinding => keymap.find((binding) => binding.action === action)!;
const keyName = (key: string) => (key.length === 1 ? key.toUpperCase() : key);

const chordText = (chord: KeyChord) => [chord.shift === true && "Shift", chord.mod === true && "Ctrl/Cmd", keyName(chord.key)].filter(Boolean).join("+");

/** The action's first chord as people write it, e.g. "Shift+Ctrl/Cmd+Z". */
export function shortcutText(action: KeyAction): string {
  return chordText(bindingOf(action).chords[0]!);
}

/** Where each scope's keys work, in the words of the shortcuts list. */
const scopeNames: Record<KeyScope, string> = { page: "On the canvas", runInput: "In the Run dialog's input", dialog: "In any dialog" };

/** Every shortcut for the shortcuts list, in keymap order: where it works, what it does, and each of its chords. */
export function shortcutList(): { scope: string; label: string; keys: string[] }[] {
  return keymap.map((binding) => ({ scope: scopeNames[binding.scope], label: binding.label, keys: binding.chords.map(chordText) }));
}

/** A button title naming the action and its shortcut, e.g. "Undo (Ctrl/Cmd+Z)". */
export const titleWithShortcut = (action: KeyAction) => `${bindingOf(action).label} (${shortcutText(action)})`;

/** The action's chords in the aria-keyshortcuts syntax, e.g. "Control+Enter Meta+Enter". */
export function ariaKeyShortcuts(action: KeyAction): string {
  return bindingOf(action)
    .chords.flatMap((chord) => {
      const rest = [chord.alt === true && "Alt", chord.shift === true && "Shift", keyName(chord.key)].filter(Boolean).join("+");
      return chord.mod === true ? [`Control+${rest}`, `Meta+${rest}`] : [rest];
    })
    .join(" ");
}

/** Keys typed into a field belong to the field (its own undo, its own select-all). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== "function") return false;
  return (target as Element).closest("input, textarea, select, [contenteditable='true']") !== null;
}

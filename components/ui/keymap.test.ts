import { describe, expect, it } from "vitest";
import { actionForKey, ariaKeyShortcuts, keymap, shortcutList, shortcutText, titleWithShortcut } from "./keymap";

const press = (key: string, modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...modifiers,
});

describe("actionForKey on the page", () => {
  it("maps Ctrl and Cmd shortcuts alike", () => {
    expect(actionForKey(press("z", { ctrlKey: true }), "page")).toBe("undo");
    expect(actionForKey(press("z", { metaKey: true }), "page")).toBe("undo");
    expect(actionForKey(press("Z", { metaKey: true, shiftKey: true }), "page")).toBe("redo");
    expect(actionForKey(press("y", { ctrlKey: true }), "page")).toBe("redo");
    expect(actionForKey(press("c", { ctrlKey: true }), "page")).toBe("copy");
    expect(actionForKey(press("v", { ctrlKey: true }), "page")).toBe("paste");
    expect(actionForKey(press("d", { metaKey: true }), "page")).toBe("duplicate");
    expect(actionForKey(press("a", { ctrlKey: true }), "page")).toBe("selectAll");
  });

  it("deletes with Delete or Backspace and ignores plain letters", () => {
    expect(actionForKey(press("Delete"), "page")).toBe("delete");
    expect(actionForKey(press("Backspace"), "page")).toBe("delete");
    expect(actionForKey(press("z"), "page")).toBeNull();
    expect(actionForKey(press("c", { ctrlKey: true, altKey: true }), "page")).toBeNull();
    expect(actionForKey(press("c", { ctrlKey: true, shiftKey: true }), "page")).toBeNull();
  });

  it("opens the run dialog on Ctrl+Enter or Cmd+Enter only", () => {
    expect(actionForKey(press("Enter", { ctrlKey: true }), "page")).toBe("openRunDialog");
    expect(actionForKey(press("Enter", { metaKey: true }), "page")).toBe("openRunDialog");
    expect(actionForKey(press("Enter"), "page")).toBeNull();
    expect(actionForKey(press("Enter", { ctrlKey: true, shiftKey: true }), "page")).toBeNull();
    expect(actionForKey(press("e", { ctrlKey: true }), "page")).toBeNull();
  });
});

describe("actionForKey in dialogs", () => {
  it("runs on Enter in the run input but leaves Shift+Enter to the text box", () => {
    expect(actionForKey(press("Enter"), "runInput")).toBe("submitRunInput");
    expect(actionForKey(press("Enter", { shiftKey: true }), "runInput")).toBeNull();
  });

  it("closes a dialog on Escape whatever modifiers are held, and keeps page keys out", () => {
    expect(actionForKey(press("Escape"), "dialog")).toBe("closeDialog");
    expect(actionForKey(press("Escape", { shiftKey: true }), "dialog")).toBe("closeDialog");
    expect(actionForKey(press("z", { ctrlKey: true }), "dialog")).toBeNull();
  });
});

describe("keymap words", () => {
  it("describes a shortcut from the same row its handler matches", () => {
    expect(titleWithShortcut("undo")).toBe("Undo (Ctrl/Cmd+Z)");
    expect(titleWithShortcut("redo")).toBe("Redo (Shift+Ctrl/Cmd+Z)");
    expect(titleWithShortcut("openRunDialog")).toBe("Run (Ctrl/Cmd+Enter)");
    expect(shortcutText("submitRunInput")).toBe("Enter");
    expect(ariaKeyShortcuts("openRunDialog")).toBe("Control+Enter Meta+Enter");
  });

  it("opens the shortcuts list on ? with or without Shift, not with Ctrl/Cmd", () => {
    expect(actionForKey(press("?", { shiftKey: true }), "page")).toBe("showShortcuts");
    expect(actionForKey(press("?"), "page")).toBe("showShortcuts");
    expect(actionForKey(press("?", { ctrlKey: true }), "page")).toBeNull();
  });

  it("lists every shortcut with all of its keys and where it works", () => {
    const list = shortcutList();
    expect(list).toHaveLength(keymap.length);
    expect(list).toContainEqual({ scope: "On the canvas", label: "Redo", keys: ["Shift+Ctrl/Cmd+Z", "Ctrl/Cmd+Y"] });
    expect(list).toContainEqual({ scope: "On the canvas", label: "Delete", keys: ["Delete", "Backspace"] });
    expect(list).toContainEqual({ scope: "In any dialog", label: "Close", keys: ["Escape"] });
  });

  it("declares each action once", () => {
    const actions = keymap.map((binding) => binding.action);
    expect(new Set(actions).size).toBe(actions.length);
  });
});

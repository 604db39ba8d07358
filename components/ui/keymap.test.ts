import { describe, expect, it } from "vitest";
import { commandForKey } from "./keymap";

const press = (key: string, modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...modifiers,
});

describe("commandForKey", () => {
  it("maps Ctrl and Cmd shortcuts alike", () => {
    expect(commandForKey(press("z", { ctrlKey: true }))).toBe("undo");
    expect(commandForKey(press("z", { metaKey: true }))).toBe("undo");
    expect(commandForKey(press("Z", { metaKey: true, shiftKey: true }))).toBe("redo");
    expect(commandForKey(press("y", { ctrlKey: true }))).toBe("redo");
    expect(commandForKey(press("c", { ctrlKey: true }))).toBe("copy");
    expect(commandForKey(press("v", { ctrlKey: true }))).toBe("paste");
    expect(commandForKey(press("d", { metaKey: true }))).toBe("duplicate");
    expect(commandForKey(press("a", { ctrlKey: true }))).toBe("selectAll");
  });

  it("deletes with Delete or Backspace and ignores plain letters", () => {
    expect(commandForKey(press("Delete"))).toBe("delete");
    expect(commandForKey(press("Backspace"))).toBe("delete");
    expect(commandForKey(press("z"))).toBeNull();
    expect(commandForKey(press("c", { ctrlKey: true, altKey: true }))).toBeNull();
  });
});

"use client";
// The list of keyboard shortcuts, read from the keymap (so it cannot drift from what the keys do); `?` opens it.
import { useCallback, useState } from "react";
import { shortcutList, type KeyAction } from "./keymap";
import { Modal } from "./modal";
import { usePageShortcuts } from "./use-page-shortcuts";

function ShortcutsDialog({ onClose }: { onClose(): void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose}>
      <table className="shortcuts-table">
        <thead>
          <tr>
            <th scope="col">Where</th>
            <th scope="col">Action</th>
            <th scope="col">Keys</th>
          </tr>
        </thead>
        <tbody>
          {shortcutList().map((row) => (
            <tr key={`${row.scope}:${row.label}`}>
              <td>{row.scope}</td>
              <td>{row.label}</td>
              <td>
                {row.keys.map((keys, index) => (
                  <span key={keys}>
                    {index > 0 && " or "}
                    <kbd>{keys}</kbd>
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="field-help">Shift+drag selects several nodes with a box. Keys typed into a field stay in the field.</p>
    </Modal>
  );
}

/** A toolbar button and the `?` key, both opening the shortcuts list. */
export function ShortcutsHelp() {
  const [isOpen, setIsOpen] = useState(false);
  const onAction = useCallback((action: KeyAction) => action === "showShortcuts" && (setIsOpen(true), true), []);
  usePageShortcuts(onAction);
  return (
    <>
      <button type="button" aria-label="Keyboard shortcuts" aria-keyshortcuts="?" title="Keyboard shortcuts (?)" onClick={() => setIsOpen(true)}>
        ?
      </button>
      {isOpen && <ShortcutsDialog onClose={() => setIsOpen(false)} />}
    </>
  );
}

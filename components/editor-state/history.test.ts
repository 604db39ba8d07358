import { describe, expect, it } from "vitest";
import { emptyHistory, recordChange, redo, undo } from "./history";

describe("history", () => {
  it("undoes and redoes in order", () => {
    let history = recordChange(emptyHistory<number>(), 1, { now: 0 });
    history = recordChange(history, 2, { now: 10_000 });
    const first = undo(history, 3)!;
    expect(first.present).toBe(2);
    const second = undo(first.history, first.present)!;
    expect(second.present).toBe(1);
    expect(undo(second.history, second.present)).toBeNull();
    const again = redo(second.history, second.present)!;
    expect(again.present).toBe(2);
    expect(redo(again.history, again.present)!.present).toBe(3);
  });

  it("folds edits with the same key made close together into one step", () => {
    let history = recordChange(emptyHistory<string>(), "a", { key: "name", now: 0 });
    history = recordChange(history, "ab", { key: "name", now: 500 });
    history = recordChange(history, "abc", { key: "name", now: 900 });
    expect(history.past).toEqual(["a"]);
    history = recordChange(history, "abcd", { key: "name", now: 5_000 });
    expect(history.past).toEqual(["a", "abcd"]);
  });

  it("drops the redo stack on a new change and keeps at most `limit` steps", () => {
    let history = recordChange(emptyHistory<number>(), 1, { now: 0 });
    const undone = undo(history, 2)!;
    history = recordChange(undone.history, undone.present, { now: 1 });
    expect(history.future).toEqual([]);
    for (let step = 0; step < 10; step += 1) history = recordChange(history, step, { limit: 3, now: step * 10_000 });
    expect(history.past).toEqual([7, 8, 9]);
  });
});

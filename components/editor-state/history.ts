// Undo/redo as two stacks of snapshots. Typing into one field should undo as one step, so a change that
// carries the same key as the previous one within a short window is folded into it.
export type History<T> = {
  past: T[];
  future: T[];
  lastKey?: string;
  lastAt?: number;
};

export type RecordOptions = { key?: string; now?: number; limit?: number; coalesceMs?: number };

export const emptyHistory = <T>(): History<T> => ({ past: [], future: [] });

/** Remembers `before` (the state about to be changed) as an undo step. */
export function recordChange<T>(history: History<T>, before: T, options: RecordOptions = {}): History<T> {
  const { key, now = Date.now(), limit = 100, coalesceMs = 1500 } = options;
  const isSameEdit = key !== undefined && key === history.lastKey && history.lastAt !== undefined && now - history.lastAt < coalesceMs;
  if (isSameEdit) return { ...history, future: [], lastAt: now };
  const past = [...history.past, before].slice(-limit);
  return { past, future: [], lastKey: key, lastAt: now };
}

export function undo<T>(history: History<T>, present: T): { history: History<T>; present: T } | null {
  const previous = history.past.at(-1);
  if (previous === undefined) return null;
  return {
    history: { past: history.past.slice(0, -1), future: [present, ...history.future] },
    present: previous,
  };
}

export function redo<T>(history: History<T>, present: T): { history: History<T>; present: T } | null {
  const [next, ...rest] = history.future;
  if (next === undefined) return null;
  return { history: { past: [...history.past, present], future: rest }, present: next };
}

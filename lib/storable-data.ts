// Text and JSON that any store accepts. What a run receives (a page fetched by the HTTP tool, a model's stream)
// and what a person types can hold text the databases refuse: a lone UTF-16 surrogate ("\ud800") is valid in a
// JavaScript string but not in UTF-8, so Prisma's JSON serializer and PostgreSQL's jsonb reject it; NUL cannot
// be stored in PostgreSQL text or jsonb at all. Prisma also refuses JSON nested past its recursion limit. These
// helpers rewrite such values into storable ones instead of losing the whole write.
import { isPlainObject, objectFromEntries } from "./plain-data.ts";

/** The replacement character, as a UTF-8 decoder writes for bytes it cannot read. */
export const REPLACEMENT_CHARACTER = "\uFFFD";

/** How deep objects and arrays may nest in a stored JSON value: deeper parts are kept as JSON text. */
export const MAX_STORED_JSON_DEPTH = 64;

// A high surrogate not followed by a low one, a low surrogate not preceded by a high one, or NUL.
const unstorableCharacters = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\u0000/g;

/** `text` with each lone surrogate and each NUL replaced by U+FFFD; well-formed text comes back unchanged. */
export function toStorableText(text: string): string {
  return text.replace(unstorableCharacters, REPLACEMENT_CHARACTER);
}

/** How many levels of objects and arrays `value` nests: 0 for a scalar, 1 for `{}` or `[1]`. */
export function jsonDepth(value: unknown, limit = Number.POSITIVE_INFINITY): number {
  const children = Array.isArray(value) ? value : isPlainObject(value) ? Object.values(value) : null;
  if (children === null) return 0;
  if (limit <= 1) return 1;
  let deepest = 0;
  for (const child of children) deepest = Math.max(deepest, jsonDepth(child, limit - 1));
  return deepest + 1;
}

export type StorableOptions = {
  /**
   * Objects and arrays at this depth (the value itself is depth 1) are stored as their JSON text, a string,
   * so nothing is lost and the stored value nests no deeper. Default MAX_STORED_JSON_DEPTH.
   */
  maxDepth?: number;
};

/**
 * A copy of `value` that every store accepts: strings and object keys through toStorableText, and objects
 * and arrays nested deeper than `maxDepth` replaced by their JSON text. Plain objects and arrays are walked;
 * anything else (numbers, Dates, Buffers, class instances) is returned as it is. A value (or part) with
 * nothing to fix comes back as it is, not copied; `value` itself is never changed.
 */
export function toStorable(value: unknown, options: StorableOptions = {}): unknown {
  return storableAt(value, 1, options.maxDepth ?? MAX_STORED_JSON_DEPTH);
}

function storableAt(value: unknown, depth: number, maxDepth: number): unknown {
  if (typeof value === "string") return toStorableText(value);
  const isArray = Array.isArray(value);
  if (!isArray && !isPlainObject(value)) return value;
  // JSON.stringify writes a lone surrogate as a \ud800 escape, so the text itself is well formed.
  if (depth > maxDepth) return toStorableText(JSON.stringify(value));
  // Copies only what changes: run events are written often and almost never need fixing.
  if (isArray) {
    const items = value.map((item: unknown) => storableAt(item, depth + 1, maxDepth));
    return items.some((item, index) => item !== value[index]) ? items : value;
  }
  const entries = Object.entries(value).map(([key, item]) => [toStorableText(key), storableAt(item, depth + 1, maxDepth)] as const);
  const isChanged = entries.some(([key, item]) => !Object.hasOwn(value, key) || item !== value[key]);
  return isChanged ? objectFromEntries(entries) : value;
}

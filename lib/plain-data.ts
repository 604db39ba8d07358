// Untrusted keys as plain data. A graph, a config, a header map or a tool result may hold a key named
// `__proto__`, `constructor` or `prototype`. JSON.parse, Object.fromEntries and spreads keep such a key as an
// own property, but `target[key] = value` (zod's records and objects) turns `__proto__` into a prototype
// change and drops it, and superjson refuses all three and fails the whole response. These helpers keep
// every key as an ordinary own property.
import { z } from "zod";

/** Keys that mean something to JavaScript's object model; everywhere else they are just names. */
export const reservedKeys: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** `target[key] = value` that always makes an own, enumerable data property, whatever `key` is. */
export function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** `record[key]` for an own key only: a node id named `constructor` must not read Object's constructor. */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** An object (or array) whose prototype is Object's or null: JSON-shaped data, not a class instance. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** Builds an object from entries with setOwn: `__proto__` stays a key. */
export function objectFromEntries<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const result: Record<string, T> = {};
  for (const [key, value] of entries) setOwn(result, key, value);
  return result;
}

/**
 * Rewrites every key of plain objects and arrays, deeply; other values (Date, Map, class instances) pass as they
 * are. Copies only what changes: every request and save passes its whole payload through here (a 500-node graph
 * on each autosave), and almost none holds a reserved key, so `value` itself comes back, never changed.
 */
function mapKeysDeep(value: unknown, rename: (key: string) => string): unknown {
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item: unknown, index) => {
      const mapped = mapKeysDeep(item, rename);
      if (mapped !== item) (copy ??= [...value])[index] = mapped;
    });
    return copy ?? value;
  }
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  let copy: Record<string, unknown> | undefined;
  keys.forEach((key, index) => {
    const item = value[key];
    const renamed = rename(key);
    const mapped = mapKeysDeep(item, rename);
    if (!copy && (renamed !== key || mapped !== item)) {
      copy = {};
      for (const earlier of keys.slice(0, index)) setOwn(copy, earlier, value[earlier]);
    }
    if (copy) setOwn(copy, renamed, mapped);
  });
  return copy ?? value;
}

// `~` + a reserved key, any number of `~` deep: escaping adds one `~`, restoring removes one, so a key that
// already looked escaped (`~__proto__`) survives the round trip too.
const escapedOrReserved = /^~*(__proto__|constructor|prototype)$/;

/** Prefixes reserved keys (and keys that look escaped) with `~`, so a serializer that refuses them accepts the value. */
export const escapeReservedKeys = (value: unknown): unknown => mapKeysDeep(value, (key) => (escapedOrReserved.test(key) ? `~${key}` : key));

/** The inverse of escapeReservedKeys: the reserved keys come back as own data properties. */
export const restoreReservedKeys = (value: unknown): unknown =>
  mapKeysDeep(value, (key) => (key.startsWith("~") && escapedOrReserved.test(key) ? key.slice(1) : key));

/**
 * `z.record(z.string(), value)` that keeps every key, `__proto__` included, as an own data property.
 * Issues point at the key (`data.__proto__.url`), as a record's would.
 */
export function plainRecord<Value extends z.ZodType>(value: Value) {
  return z
    .custom<Record<string, z.input<Value>>>(isPlainObject, { message: "expected an object" })
    .transform((input, context) => {
      const output: Record<string, z.output<Value>> = {};
      for (const [key, item] of Object.entries(input)) {
        const parsed = value.safeParse(item);
        if (parsed.success) {
          setOwn(output, key, parsed.data);
          continue;
        }
        for (const issue of parsed.error.issues) context.addIssue({ ...issue, path: [key, ...issue.path] } as never);
      }
      return output;
    });
}

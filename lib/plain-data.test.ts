import { describe, expect, it } from "vitest";
import { z } from "zod";
import { escapeReservedKeys, objectFromEntries, ownValue, plainRecord, restoreReservedKeys } from "./plain-data.ts";
import { wireTransformer } from "./wire-transformer.ts";

// Built with JSON.parse, as a request body or an imported file would be: `__proto__` is an own key.
const hostile = () =>
  JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}, "prototype": "p", "~__proto__": "already escaped", "plain": [{"__proto__": 1}]}') as Record<string, unknown>;

const ownKeys = (value: object) => Object.keys(value).sort();

describe("plainRecord", () => {
  it("keeps __proto__, constructor and prototype as own data keys without touching any prototype", () => {
    const parsed = plainRecord(z.unknown()).parse(hostile());
    expect(ownKeys(parsed)).toEqual(["__proto__", "constructor", "plain", "prototype", "~__proto__"]);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(parsed, "__proto__")?.value).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("validates each value and names the key at fault", () => {
    const result = plainRecord(z.string()).safeParse(JSON.parse('{"ok": "x", "__proto__": 5}'));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["__proto__"]);
    expect(plainRecord(z.string()).safeParse([]).success).toBe(false);
  });
});

describe("reserved-key escaping", () => {
  it("round-trips every reserved key, and keys that already look escaped", () => {
    const value = hostile();
    const escaped = escapeReservedKeys(value) as Record<string, unknown>;
    expect(ownKeys(escaped)).toEqual(["plain", "~__proto__", "~constructor", "~prototype", "~~__proto__"]);
    expect(restoreReservedKeys(escaped)).toEqual(value);
  });

  it("hands back what holds no reserved key as it is, and copies only the branches that do", () => {
    const clean = { nodes: [{ id: "a", data: { config: { url: "x" } } }], edges: [] };
    expect(escapeReservedKeys(clean)).toBe(clean);
    expect(restoreReservedKeys(clean)).toBe(clean);
    const mixed = { first: { plain: 1 }, second: [{ plain: 2 }, hostile()], last: "text" };
    const escaped = escapeReservedKeys(mixed) as typeof mixed;
    expect(escaped).not.toBe(mixed);
    expect(escaped.first).toBe(mixed.first);
    expect(escaped.second[0]).toBe(mixed.second[0]);
    expect(ownKeys(escaped.second[1] as object)).toEqual(["plain", "~__proto__", "~constructor", "~prototype", "~~__proto__"]);
    expect(ownKeys(mixed.second[1] as object)).toEqual(["__proto__", "constructor", "plain", "prototype", "~__proto__"]);
    expect(restoreReservedKeys(escaped)).toEqual(mixed);
  });

  it("objectFromEntries makes own keys", () => {
    expect(Object.keys(objectFromEntries([["__proto__", 1]]))).toEqual(["__proto__"]);
  });
});

describe("wireTransformer", () => {
  it("carries hostile keys and Dates through superjson both ways", () => {
    const value = { at: new Date("2026-01-02T03:04:05Z"), data: hostile(), missing: undefined };
    const received = wireTransformer.deserialize(JSON.parse(JSON.stringify(wireTransformer.serialize(value))));
    expect(received).toEqual(value);
    expect((received as { at: Date }).at).toBeInstanceOf(Date);
  });
});

describe("ownValue", () => {
  it("reads own keys only", () => {
    const record: Record<string, number> = { a: 1 };
    expect(ownValue(record, "a")).toBe(1);
    expect(ownValue(record, "constructor")).toBeUndefined();
    expect(ownValue(record, "toString")).toBeUndefined();
  });
});

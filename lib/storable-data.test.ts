import { describe, expect, it } from "vitest";
import { jsonDepth, MAX_STORED_JSON_DEPTH, toStorable, toStorableText } from "./storable-data.ts";

/** `{ a: { a: ... "leaf" } }`, `levels` objects deep. */
const nested = (levels: number): unknown => (levels === 0 ? "leaf" : { a: nested(levels - 1) });

describe("toStorableText", () => {
  it("replaces lone surrogates and NUL with U+FFFD", () => {
    expect(toStorableText("bad \ud800 here")).toBe("bad \ufffd here");
    expect(toStorableText("a\udc00b")).toBe("a\ufffdb");
    expect(toStorableText("\udc00\ud800")).toBe("\ufffd\ufffd");
    expect(toStorableText("end\ud83d")).toBe("end\ufffd");
    expect(toStorableText("nul\u0000byte")).toBe("nul\ufffdbyte");
  });

  it("keeps well-formed text, surrogate pairs included", () => {
    expect(toStorableText("emoji 😀 and ü")).toBe("emoji 😀 and ü");
  });
});

describe("toStorable", () => {
  it("fixes strings and keys at any depth, leaving the value it was given as it was", () => {
    const value = { "k\ud800": ["x\udc00", { inner: "ok" }], n: 1, none: null, list: [{ deeper: ["y\ud800"] }] };
    const original = structuredClone(value);
    const stored = toStorable(value);
    expect(stored).toEqual({ "k\ufffd": ["x\ufffd", { inner: "ok" }], n: 1, none: null, list: [{ deeper: ["y\ufffd"] }] });
    expect(value).toEqual(original);
  });

  it("keeps parts nested past the bound as their JSON text, so nothing is lost", () => {
    const deep = nested(200);
    const stored = toStorable(deep);
    expect(jsonDepth(stored)).toBe(MAX_STORED_JSON_DEPTH);
    let cursor = stored as Record<string, unknown>;
    for (let level = 1; level < MAX_STORED_JSON_DEPTH; level++) cursor = cursor.a as Record<string, unknown>;
    expect(typeof cursor.a).toBe("string");
    expect(JSON.parse(cursor.a as string)).toEqual(nested(200 - MAX_STORED_JSON_DEPTH));
  });

  it("writes lone surrogates inside such text as escapes", () => {
    const stored = toStorable({ a: { b: "x\ud800" } }, { maxDepth: 1 }) as { a: string };
    expect(stored.a).toBe('{"b":"x\\ud800"}');
    expect(JSON.parse(stored.a)).toEqual({ b: "x\ud800" });
  });

  it("keeps values that need nothing, and leaves non-plain objects alone", () => {
    const date = new Date(0);
    const value = { date, list: [1, "two", true, null], keep: nested(10) };
    const stored = toStorable(value) as typeof value;
    expect(stored).toBe(value);
    expect(stored.date).toBe(date);
  });

  it("keeps reserved keys as own data", () => {
    const stored = toStorable(JSON.parse('{"__proto__": {"x": "\\ud800"}}')) as Record<string, unknown>;
    expect(Object.keys(stored)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(stored, "__proto__")?.value).toEqual({ x: "\ufffd" });
  });
});

describe("jsonDepth", () => {
  it("counts levels of objects and arrays, stopping at the limit", () => {
    expect(jsonDepth("x")).toBe(0);
    expect(jsonDepth({})).toBe(1);
    expect(jsonDepth([[1], { a: [] }])).toBe(3);
    expect(jsonDepth(nested(500), 65)).toBe(65);
  });
});

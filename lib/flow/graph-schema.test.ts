import { describe, expect, it } from "vitest";
import { flowGraphSchema } from "./graph-schema.ts";

// Built with JSON.parse, as a request body or an imported file would be: `__proto__` is an own key.
const hostile = () =>
  JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}, "prototype": "p", "~__proto__": "already escaped", "plain": [{"__proto__": 1}]}') as Record<string, unknown>;

describe("graph schema", () => {
  it("keeps hostile keys in node data, deep and shallow", () => {
    const graph = { version: 1, nodes: [{ id: "n", type: "input", position: { x: 0, y: 0 }, data: hostile() }], edges: [] };
    const parsed = flowGraphSchema.parse(JSON.parse(JSON.stringify(graph)));
    expect(parsed.nodes[0]!.data).toEqual(hostile());
    expect(Object.keys(parsed.nodes[0]!.data)).toContain("__proto__");
  });
});

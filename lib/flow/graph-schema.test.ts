import { describe, expect, it } from "vitest";
import { describeZodError } from "../errors.ts";
import { flowGraphInputSchema, flowGraphSchema, MAX_NODE_DATA_DEPTH } from "./graph-schema.ts";

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

  it("refuses node settings nested past the limit, naming the node, the limit and the fix", () => {
    const nestedData = (levels: number): Record<string, unknown> => (levels === 1 ? {} : { config: nestedData(levels - 1) });
    const graphWith = (data: unknown) => ({ nodes: [{ id: "deep", type: "input", position: { x: 0, y: 0 }, data }], edges: [] });

    expect(flowGraphInputSchema.safeParse(graphWith(nestedData(MAX_NODE_DATA_DEPTH))).success).toBe(true);
    const refused = flowGraphInputSchema.safeParse(graphWith(nestedData(MAX_NODE_DATA_DEPTH + 1)));
    expect(refused.success).toBe(false);
    const message = describeZodError(refused.error!);
    expect(message).toContain(`node "deep" settings nest deeper than the limit of ${MAX_NODE_DATA_DEPTH} levels`);
    expect(message).toContain("flatten them");
    expect(flowGraphInputSchema.safeParse(graphWith(nestedData(5000))).success).toBe(false);
  });

  it("refuses a graph nested past the limit outside node settings, without measuring it first", () => {
    let deep: unknown = "leaf";
    for (let level = 0; level < 20_000; level++) deep = [deep];
    const refused = flowGraphInputSchema.safeParse({ nodes: [], edges: [], extra: deep });
    expect(refused.success).toBe(false);
    expect(describeZodError(refused.error!)).toContain("graph nests deeper than the limit");
  });
});

import { describe, expect, it } from "vitest";
import { flowToolInputSchema, flowToolNameSchema } from "./flow-tool";
import type { FlowGraph } from "./graph-schema";

const graphWith = (nodes: FlowGraph["nodes"]): FlowGraph => ({ version: 1, nodes, edges: [] });

describe("flowToolInputSchema", () => {
  it("asks for a required string `input` when the Input node has no default", () => {
    expect(flowToolInputSchema(graphWith([{ id: "in", type: "input", position: { x: 0, y: 0 }, data: {} }]))).toEqual({
      type: "object",
      properties: { input: { type: "string", description: "The flow's input text." } },
      required: ["input"],
    });
  });

  it("makes `input` optional and names the default when the Input node has one", () => {
    const schema = flowToolInputSchema(graphWith([{ id: "in", type: "input", position: { x: 0, y: 0 }, data: { config: { defaultValue: "today" } } }]));
    expect(schema.required).toBeUndefined();
    expect(schema.properties.input?.description).toContain('"today"');
  });

  it("takes no arguments when the flow has no Input node", () => {
    expect(flowToolInputSchema(graphWith([]))).toEqual({ type: "object", properties: {} });
  });
});

describe("flowToolNameSchema", () => {
  it("accepts letters, digits, _ and - up to 64 characters", () => {
    expect(flowToolNameSchema.parse(" daily-brief_2 ")).toBe("daily-brief_2");
  });

  it("refuses spaces and other characters with the fix in the message", () => {
    expect(() => flowToolNameSchema.parse("daily brief")).toThrow(/only use letters, digits, _ and -/);
    expect(() => flowToolNameSchema.parse("x".repeat(65))).toThrow(/at most 64/);
  });
});

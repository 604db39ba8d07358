import { describe, expect, it } from "vitest";
import { checkEdgePorts, takesOneEdge } from "./edge-rule";
import type { PortSpec } from "./ports";

const text: PortSpec = { name: "text", type: "text" };
const model: PortSpec = { name: "model", type: "model" };
const agent: PortSpec = { name: "agent", type: "agent" };
const tools: PortSpec = { name: "tools", type: "tool", multiple: true };

describe("checkEdgePorts", () => {
  it("accepts compatible ports and names both", () => {
    expect(checkEdgePorts({ outputs: [model] }, { inputs: [text, model] }, { sourceHandle: "model", targetHandle: "model" })).toEqual({
      isValid: true,
      sourcePort: model,
      targetPort: model,
    });
  });

  it("refuses incompatible types and says which ports they were", () => {
    expect(checkEdgePorts({ outputs: [text] }, { inputs: [model] }, { sourceHandle: "text", targetHandle: "model" })).toEqual({
      isValid: false,
      problem: "incompatible",
      sourcePort: text,
      targetPort: model,
    });
  });

  it("lets an agent be offered as a tool", () => {
    expect(checkEdgePorts({ outputs: [agent] }, { inputs: [tools] }, { sourceHandle: "agent", targetHandle: "tools" }).isValid).toBe(true);
  });

  it("reports a missing output before a missing input", () => {
    expect(checkEdgePorts({ outputs: [text] }, { inputs: [text] }, { sourceHandle: "nope", targetHandle: "nope" })).toEqual({ isValid: false, problem: "missing_output" });
    expect(checkEdgePorts({ outputs: [text] }, { inputs: [text] }, { sourceHandle: "text", targetHandle: "nope" })).toEqual({ isValid: false, problem: "missing_input" });
  });

  it("reads a missing handle as the node's only port, and as none when there are several", () => {
    expect(checkEdgePorts({ outputs: [text] }, { inputs: [text] }, {}).isValid).toBe(true);
    expect(checkEdgePorts({ outputs: [text] }, { inputs: [text, model] }, { targetHandle: "" })).toEqual({ isValid: false, problem: "missing_input" });
  });
});

describe("takesOneEdge", () => {
  it("holds for inputs without `multiple` only", () => {
    expect(takesOneEdge(text)).toBe(true);
    expect(takesOneEdge(tools)).toBe(false);
  });
});

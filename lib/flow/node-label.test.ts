import { describe, expect, it } from "vitest";
import { labelLookup, nodeLabel } from "./node-label";

describe("nodeLabel", () => {
  it("prefers the node's own label, then its name setting", () => {
    expect(nodeLabel({ id: "llm-8m1k3tv4", type: "llm", data: { label: "Answer writer", config: {} } })).toBe("Answer writer");
    expect(nodeLabel({ id: "agent-1", type: "agent", data: { config: { name: "researcher" } } })).toBe("researcher");
    expect(nodeLabel({ id: "agent-1", type: "agent", data: { label: "  ", config: { name: "researcher" } } })).toBe("researcher");
  });

  it("falls back to the kind's title and the end of the id, so two of a kind differ", () => {
    expect(nodeLabel({ id: "llm-8m1k3tv4", type: "llm", data: {} })).toBe("LLM #3tv4");
    expect(nodeLabel({ id: "llm-2abcd9xz", type: "llm" })).toBe("LLM #d9xz");
    expect(nodeLabel({ id: "writer", type: "llm" })).toBe("LLM #writer");
    expect(nodeLabel({ id: "a-very-long-hand-written-node-id", type: "llm" })).toBe("LLM #…ong-hand-written-node-id");
    expect(nodeLabel({ id: "x-1", type: "no.such.kind" })).toBe("no.such.kind #x-1");
  });

  it("looks labels up by id, an unknown id reading as itself", () => {
    const labelOf = labelLookup([{ id: "a", type: "llm", data: { label: "Writer" } }]);
    expect(labelOf("a")).toBe("Writer");
    expect(labelOf("gone")).toBe("gone");
  });
});

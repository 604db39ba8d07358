import { describe, expect, it } from "vitest";
import { checkConnection, connectEdge, edgesReplacedBy } from "./connection-rules";
import type { CanvasEdge } from "./graph-mapping";

const nodes = [
  { id: "in", type: "input", data: {} },
  { id: "llm", type: "llm", data: {} },
  { id: "model", type: "provider.ollama", data: {} },
  { id: "agent", type: "agent", data: {} },
  { id: "team", type: "team", data: {} },
  { id: "prompt", type: "prompt", data: { config: { template: "{{topic}} and {{tone}}" } } },
];

describe("checkConnection", () => {
  it("accepts compatible ports and names the target port", () => {
    const check = checkConnection({ source: "model", sourceHandle: "model", target: "llm", targetHandle: "model" }, nodes);
    expect(check).toMatchObject({ ok: true, targetPort: { name: "model" } });
  });

  it("refuses incompatible port types with a reason naming both sides", () => {
    const check = checkConnection({ source: "in", sourceHandle: "text", target: "llm", targetHandle: "model" }, nodes);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.reason).toBe('Input "Text" gives text, but LLM "Model" takes model.');
  });

  it("reads ports that depend on config (a prompt's placeholders)", () => {
    expect(checkConnection({ source: "in", sourceHandle: "text", target: "prompt", targetHandle: "tone" }, nodes).ok).toBe(true);
    expect(checkConnection({ source: "in", sourceHandle: "text", target: "prompt", targetHandle: "input" }, nodes).ok).toBe(false);
  });

  it("refuses a node connected to itself and unknown nodes", () => {
    expect(checkConnection({ source: "llm", sourceHandle: "text", target: "llm", targetHandle: "prompt" }, nodes).ok).toBe(false);
    expect(checkConnection({ source: "nope", sourceHandle: "text", target: "llm", targetHandle: "prompt" }, nodes).ok).toBe(false);
  });

  it("lets an agent be offered as a tool", () => {
    expect(checkConnection({ source: "agent", sourceHandle: "agent", target: "agent2", targetHandle: "tools" }, [...nodes, { id: "agent2", type: "agent" }]).ok).toBe(true);
  });
});

describe("connectEdge", () => {
  const old: CanvasEdge = { id: "e1", source: "in", sourceHandle: "text", target: "llm", targetHandle: "prompt" };
  const single = { name: "prompt", type: "text" as const };
  const multiple = { name: "agents", type: "agent" as const, multiple: true };

  it("replaces the old edge into a single-edge port", () => {
    const request = { source: "prompt", sourceHandle: "text", target: "llm", targetHandle: "prompt" };
    expect(edgesReplacedBy([old], request, single)).toEqual([old]);
    expect(connectEdge([old], request, single, "e2").map((edge) => edge.id)).toEqual(["e2"]);
  });

  it("keeps existing edges into a port that takes many", () => {
    const existing: CanvasEdge = { id: "a1", source: "agent", sourceHandle: "agent", target: "team", targetHandle: "agents" };
    const request = { source: "agent2", sourceHandle: "agent", target: "team", targetHandle: "agents" };
    expect(connectEdge([existing], request, multiple, "a2").map((edge) => edge.id)).toEqual(["a1", "a2"]);
  });

  it("does not add the same edge twice", () => {
    expect(connectEdge([old], { ...old }, single, "e3")).toEqual([old]);
  });
});

import { describe, expect, it } from "vitest";
import { compile } from "./compile";
import { credentialIdsOf } from "./credential-refs";
import { createGraphBuilder } from "./graph-builder";

const flowWith = (kind: string, config: Record<string, unknown>) =>
  createGraphBuilder()
    .node("in", "input")
    .node("model", kind, { model: "m", ...config })
    .node("llm", "llm")
    .node("out", "output")
    .edge("in.text", "llm.prompt")
    .edge("model.model", "llm.model")
    .edge("llm.text", "out.value")
    .build();

const credentials = new Map([
  ["official", { kind: "openai", endpoint: "https://api.openai.com/v1" }],
  ["proxied", { kind: "openai", endpoint: "https://proxy.example.com/v1" }],
  ["claude", { kind: "anthropic", endpoint: "https://api.anthropic.com" }],
]);

const credentialDiagnostics = (graph: unknown) =>
  compile(graph, { credentials }).diagnostics.filter((diagnostic) => diagnostic.code.startsWith("credential_"));

describe("compile: credentials on model nodes", () => {
  it("accepts a credential with no Base URL or with its own endpoint however it is spelled", () => {
    expect(compile(flowWith("provider.openai", { credentialId: "official" }), { credentials }).plan).not.toBeNull();
    expect(credentialDiagnostics(flowWith("provider.openai", { credentialId: "official", baseUrl: "https://API.openai.com/v1/" }))).toEqual([]);
    expect(credentialDiagnostics(flowWith("provider.openai", { credentialId: "proxied", baseUrl: "https://proxy.example.com:443/v1" }))).toEqual([]);
  });

  it("refuses a credential paired with another Base URL, on the node's Base URL field", () => {
    const graph = flowWith("provider.openai", { credentialId: "official", baseUrl: "http://attacker.example/v1" });
    const { plan } = compile(graph, { credentials });
    expect(plan).toBeNull();
    expect(credentialDiagnostics(graph)).toEqual([
      expect.objectContaining({ code: "credential_mismatch", severity: "error", nodeId: "model", field: "baseUrl", message: expect.stringContaining("https://api.openai.com/v1") }),
    ]);
  });

  it("refuses a credential of another provider, on the node's credential field", () => {
    expect(credentialDiagnostics(flowWith("provider.openai", { credentialId: "claude" }))).toEqual([
      expect.objectContaining({ code: "credential_mismatch", nodeId: "model", field: "credentialId" }),
    ]);
  });

  it("offers a keyless provider no credential, and drops one an older flow still names", () => {
    expect(credentialDiagnostics(flowWith("provider.ollama", { credentialId: "official" }))).toEqual([]);
  });

  it("names a credential the server does not know for this user", () => {
    expect(credentialDiagnostics(flowWith("provider.anthropic", { credentialId: "someone-elses" }))).toEqual([
      expect.objectContaining({ code: "credential_missing", severity: "error", nodeId: "model", field: "credentialId" }),
    ]);
  });

  it("says nothing about credentials without the server's metadata (the browser's compile)", () => {
    const graph = flowWith("provider.openai", { credentialId: "official", baseUrl: "http://attacker.example/v1" });
    expect(compile(graph).diagnostics).toEqual([]);
    expect(compile(graph).plan).not.toBeNull();
  });

  it("lists the credential ids a graph names, once each, tolerating junk", () => {
    const graph = flowWith("provider.openai", { credentialId: "official" });
    expect(credentialIdsOf(graph)).toEqual(["official"]);
    expect(credentialIdsOf({ nodes: [graph.nodes[1], graph.nodes[1], { data: { config: { credentialId: 7 } } }, null] })).toEqual(["official"]);
    expect(credentialIdsOf("not a graph")).toEqual([]);
  });
});

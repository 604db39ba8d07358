import { describe, expect, it } from "vitest";
import { compile } from "../compile";
import { createGraphBuilder } from "../graph-builder";

const flowWith = (config: Record<string, unknown>) =>
  createGraphBuilder()
    .node("in", "input")
    .node("mcp", "tool.mcp", config)
    .node("agent", "agent")
    .node("out", "output")
    .edge("mcp.tool", "agent.tools")
    .edge("in.text", "agent.input")
    .edge("agent.text", "out.value")
    .build();

const credentials = new Map([
  ["weather", { kind: "mcp", endpoint: "https://mcp.example.com/mcp" }],
  ["openai", { kind: "openai", endpoint: "https://api.openai.com/v1" }],
]);

const errorsOf = (config: Record<string, unknown>) =>
  compile(flowWith(config), { credentials }).diagnostics.filter((diagnostic) => diagnostic.severity === "error" && diagnostic.nodeId === "mcp");

describe("compile: tool.mcp", () => {
  it("compiles with a URL, and with a credential stored for that server", () => {
    expect(errorsOf({ url: "https://mcp.example.com/mcp" })).toEqual([]);
    expect(errorsOf({ url: "https://mcp.example.com/sse", transport: "sse", credentialId: "weather" })).toEqual([]);
  });

  it("asks for a missing or non-http URL on the URL field", () => {
    expect(errorsOf({})).toEqual([expect.objectContaining({ code: "mcp_url_missing", field: "url" })]);
    expect(errorsOf({ url: "stdio:npx some-server" })).toEqual([expect.objectContaining({ code: "mcp_url_invalid", field: "url" })]);
    expect(errorsOf({ url: "https://me:secret@mcp.example.com/mcp" })).toEqual([
      expect.objectContaining({ field: "url", message: expect.stringContaining("store the key as a credential") }),
    ]);
  });

  it("refuses a credential for another server, of another kind, or unknown to the user", () => {
    expect(errorsOf({ url: "https://evil.example/mcp", credentialId: "weather" })).toEqual([
      expect.objectContaining({ code: "credential_mismatch", field: "credentialId", message: expect.stringContaining("https://mcp.example.com/mcp") }),
    ]);
    expect(errorsOf({ url: "https://mcp.example.com/mcp", credentialId: "openai" })).toEqual([expect.objectContaining({ code: "credential_mismatch" })]);
    expect(errorsOf({ url: "https://mcp.example.com/mcp", credentialId: "someone-elses" })).toEqual([expect.objectContaining({ code: "credential_missing" })]);
  });

  it("refuses an unknown transport", () => {
    expect(errorsOf({ url: "https://mcp.example.com/mcp", transport: "stdio" })).not.toEqual([]);
  });
});

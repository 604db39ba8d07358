// tool.mcp through the engine: a real MCP server (the SDK's server side over HTTP), the SDK client behind the
// node, the address guard and stored-credential headers, and a scripted model that calls the server's tools.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { encodeMcpSecret } from "@/lib/credentials/mcp-header";
import { createGraphBuilder } from "@/lib/flow/graph-builder";
import { planOf, recordEvents } from "@/testing/engine-harness";
import { startMcpServer, type TestMcpServer } from "@/testing/servers/mcp";
import { createScriptedProvider, type ScriptedReply } from "@/testing/scripted-provider";
import { execute, type ExecuteOptions } from "./execute";

let server: TestMcpServer;
const previousAllowlist = process.env.OSMEN_HTTP_ALLOWLIST;

// The test server listens on 127.0.0.1, which the address guard lets through only when allow-listed.
beforeAll(async () => {
  server = await startMcpServer();
  process.env.OSMEN_HTTP_ALLOWLIST = "127.0.0.1";
});
afterEach(() => void (process.env.OSMEN_HTTP_ALLOWLIST = "127.0.0.1"));
afterAll(async () => {
  if (previousAllowlist === undefined) delete process.env.OSMEN_HTTP_ALLOWLIST;
  else process.env.OSMEN_HTTP_ALLOWLIST = previousAllowlist;
  await server.close();
});

function agentWithMcp(mcpConfig: Record<string, unknown>) {
  return createGraphBuilder()
    .node("in", "input")
    .node("model", "provider.ollama")
    .node("mcp", "tool.mcp", mcpConfig)
    .node("agent", "agent")
    .node("out", "output")
    .edge("model.model", "agent.model")
    .edge("mcp.tool", "agent.tools")
    .edge("in.text", "agent.input")
    .edge("agent.text", "out.value");
}

async function runAgent(mcpConfig: Record<string, unknown>, replies: Array<ScriptedReply | string>, options: ExecuteOptions = {}) {
  const provider = createScriptedProvider({ replies });
  const recorder = recordEvents();
  const result = await execute(planOf(agentWithMcp(mcpConfig)), { input: "weather?", providers: provider, onEvent: recorder.onEvent, ...options });
  return { provider, recorder, result };
}

const toolMessages = (provider: ReturnType<typeof createScriptedProvider>, index: number) =>
  provider.calls[index]!.messages.filter((message) => message.role === "tool").map((message) => message.content);

describe("tool.mcp in a run", () => {
  it("offers the server's tools under their own names and hands a tool's result to the model (Streamable HTTP)", async () => {
    const { provider, result } = await runAgent({ url: server.url("/mcp") }, [{ toolCalls: [{ name: "get_weather", args: { city: "Oslo" } }] }, "It is sunny in Oslo."]);
    expect(result.status).toBe("completed");
    expect(result.output).toBe("It is sunny in Oslo.");
    expect(provider.calls[0]!.tools.map((tool) => tool.name)).toEqual(["get_weather", "broken"]);
    expect(provider.calls[0]!.tools[0]!.parameters).toMatchObject({ type: "object", properties: { city: { type: "string" } }, required: ["city"] });
    expect(toolMessages(provider, 1)).toEqual(["Sunny in Oslo"]);
    expect(server.calls).toContainEqual({ name: "get_weather", args: { city: "Oslo" } });
  });

  it("works over the older HTTP+SSE transport and closes the session when the run ends", async () => {
    const { provider, result } = await runAgent(
      { url: server.url("/sse"), transport: "sse" },
      [{ toolCalls: [{ name: "get_weather", args: { city: "Lima" } }] }, "Sunny."],
    );
    expect(result.status).toBe("completed");
    expect(toolMessages(provider, 1)).toEqual(["Sunny in Lima"]);
    await vi.waitFor(() => expect(server.openSseStreams()).toBe(0));
  });

  it("offers only the chosen tools, and names a chosen tool the server lacks", async () => {
    const { provider } = await runAgent({ url: server.url("/mcp"), tools: ["get_weather"] }, ["No tools needed."]);
    expect(provider.calls[0]!.tools.map((tool) => tool.name)).toEqual(["get_weather"]);
    const missing = await runAgent({ url: server.url("/mcp"), tools: ["get_forecast"] }, ["unused"]);
    expect(missing.result.status).toBe("failed");
    expect(missing.result.error?.message).toMatch(/no tool named "get_forecast".*offers: get_weather, broken/);
  });

  it("returns a tool's error result to the model as a tool error, and the run goes on", async () => {
    const { provider, recorder, result } = await runAgent({ url: server.url("/mcp") }, [{ toolCalls: [{ name: "broken" }] }, "The service is down."]);
    expect(result.status).toBe("completed");
    expect(recorder.of("node.tool_result", "agent")[0]).toMatchObject({ isError: true, result: expect.stringContaining("the weather service is down") });
    expect(toolMessages(provider, 1)[0]).toContain("the weather service is down");
  });

  it("refuses a loopback server without the allow-list, before any request", async () => {
    delete process.env.OSMEN_HTTP_ALLOWLIST;
    const before = server.requests.length;
    const { result } = await runAgent({ url: server.url("/mcp") }, ["unused"]);
    expect(result.status).toBe("failed");
    expect(result.error).toMatchObject({ nodeId: "mcp", message: expect.stringMatching(/loopback address; an MCP server URL only reaches public addresses unless the server's OSMEN_HTTP_ALLOWLIST names it \(add 127\.0\.0\.1 to it/) });
    expect(server.requests.length).toBe(before);
  });
});

describe("tool.mcp with a stored credential", () => {
  const credentialFor = (endpoint: string, secret: string) => async () => ({ kind: "mcp", endpoint, secret });

  it("sends the credential's header to the server it was stored for", async () => {
    const before = server.requests.length;
    const { result } = await runAgent({ url: server.url("/mcp"), credentialId: "cred-1" }, ["Done."], {
      resolveCredential: credentialFor(server.url("/mcp"), encodeMcpSecret("key-123")),
    });
    expect(result.status).toBe("completed");
    const sent = server.requests.slice(before);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((request) => request.headers.authorization === "Bearer key-123")).toBe(true);
  });

  it("sends a named header as stored", async () => {
    const before = server.requests.length;
    await runAgent({ url: server.url("/sse"), transport: "sse", credentialId: "cred-2" }, ["Done."], {
      resolveCredential: credentialFor(server.url("/sse"), encodeMcpSecret("key-456", "X-API-Key")),
    });
    const sent = server.requests.slice(before);
    expect(sent.map((request) => request.path)).toEqual(expect.arrayContaining(["/sse", "/messages"]));
    expect(sent.every((request) => request.headers["x-api-key"] === "key-456" && request.headers.authorization === undefined)).toBe(true);
  });

  it("refuses a credential stored for another server, sending nothing", async () => {
    const before = server.requests.length;
    const { result } = await runAgent({ url: server.url("/mcp"), credentialId: "cred-3" }, ["unused"], {
      resolveCredential: credentialFor("https://mcp.example.com/mcp", encodeMcpSecret("key-789")),
    });
    expect(result.status).toBe("failed");
    expect(result.error).toMatchObject({ code: "credential_mismatch", nodeId: "mcp", message: expect.stringContaining("may only be sent to https://mcp.example.com/mcp") });
    expect(server.requests.length).toBe(before);
  });

  it("replaces the credential in an error built from the server's 401 answer, which echoes it", async () => {
    const { result, recorder } = await runAgent({ url: server.url("/mcp-echo-401"), credentialId: "cred-4" }, ["unused"], {
      resolveCredential: credentialFor(server.url("/mcp-echo-401"), encodeMcpSecret("MCPKEYSECRET98765")),
    });
    expect(result.status).toBe("failed");
    expect(result.error).toMatchObject({ nodeId: "mcp", message: expect.stringContaining("bad key [redacted]") });
    expect(JSON.stringify(recorder.events)).not.toContain("MCPKEYSECRET98765");
  });

  it("replaces a named header's value in a tool's error result that echoes it", async () => {
    const { provider, recorder, result } = await runAgent(
      { url: server.url("/mcp-echo"), credentialId: "cred-5" },
      [{ toolCalls: [{ name: "echo_credential" }] }, "The key was refused."],
      { resolveCredential: credentialFor(server.url("/mcp-echo"), encodeMcpSecret("HDRSECRET4242", "X-API-Key")) },
    );
    expect(result.status).toBe("completed");
    expect(toolMessages(provider, 1)[0]).toContain("key [redacted] is not allowed here");
    expect(JSON.stringify(recorder.events)).not.toContain("HDRSECRET4242");
  });
});

// An MCP server's stored key, end to end through the app's own wiring (server/app.ts): stored with its server
// URL, checked when the flow compiles, sent in its header by a tool.mcp node to that server only.
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createGraphBuilder } from "@/lib/flow/graph-builder";
import { createVault } from "@/lib/secrets";
import { createApp, type App } from "@/server/app";
import { testDatabases } from "@/testing/databases";
import { startMcpServer, type TestMcpServer } from "@/testing/servers/mcp";
import { createScriptedProvider } from "@/testing/scripted-provider";
import { localTestCaller as me } from "@/testing/trpc-caller";

const KEY = "mcp-stored-key-5c2e";

function mcpGraph(url: string, credentialId: string) {
  return createGraphBuilder()
    .node("in", "input")
    .node("mcp", "tool.mcp", { url, credentialId })
    .node("agent", "agent")
    .node("out", "output")
    .edge("mcp.tool", "agent.tools")
    .edge("in.text", "agent.input")
    .edge("agent.text", "out.value")
    .build();
}

describe.each(testDatabases())("MCP credentials on $provider", ({ create }) => {
  let database: Awaited<ReturnType<typeof create>>;
  let server: TestMcpServer;
  let app: App;
  const previousAllowlist = process.env.OSMEN_HTTP_ALLOWLIST;

  beforeAll(async () => {
    [database, server] = await Promise.all([create(), startMcpServer()]);
    const vault = createVault(randomBytes(32));
    const provider = createScriptedProvider({ respond: (call) => (call.index % 2 === 0 ? { toolCalls: [{ name: "get_weather", args: { city: "Rome" } }] } : "Sunny.") });
    app = createApp({ db: database, vault: () => vault, runs: { maxConcurrentRuns: 1, runTimeoutMs: 20_000, providers: () => provider } });
    process.env.OSMEN_HTTP_ALLOWLIST = "127.0.0.1";
  });
  afterEach(async () => app.runs.idle());
  afterAll(async () => {
    if (previousAllowlist === undefined) delete process.env.OSMEN_HTTP_ALLOWLIST;
    else process.env.OSMEN_HTTP_ALLOWLIST = previousAllowlist;
    await Promise.all([server?.close(), database?.drop()]);
  });

  it("sends the stored header to the server it was stored for", async () => {
    const credential = await app.services.credentials.create(me, { name: "Weather", kind: "mcp", secret: KEY, baseUrl: server.url("/mcp"), headerName: "X-API-Key" });
    const flow = await app.services.flows.create(me, { name: "MCP keyed", graph: mcpGraph(server.url("/mcp"), credential.id) });
    expect((await app.services.flowCompiler.compileFlow(me, flow.id)).diagnostics.filter((item) => item.severity === "error")).toEqual([]);
    const before = server.requests.length;
    const run = await app.runs.waitFor(me, (await app.runs.start(me, { flowId: flow.id, input: "weather in Rome?" })).runId);
    expect(run).toMatchObject({ status: "succeeded", output: "Sunny." });
    expect(server.calls).toContainEqual({ name: "get_weather", args: { city: "Rome" } });
    const sent = server.requests.slice(before);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((request) => request.headers["x-api-key"] === KEY)).toBe(true);
  });

  it("does not compile or start a flow that would send the key to another server", async () => {
    const credential = await app.services.credentials.create(me, { name: "Elsewhere", kind: "mcp", secret: KEY, baseUrl: "https://mcp.example.com/mcp" });
    const graph = mcpGraph(server.url("/mcp"), credential.id);
    const report = await app.services.flowCompiler.compileGraph(me, graph);
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ code: "credential_mismatch", nodeId: "mcp", field: "credentialId" }));
    const flow = await app.services.flows.create(me, { name: "MCP elsewhere", graph });
    const before = server.requests.length;
    await expect(app.runs.start(me, { flowId: flow.id, input: "hi" })).rejects.toMatchObject({ code: "UNPROCESSABLE_CONTENT" });
    expect(server.requests.length).toBe(before);
  });
});

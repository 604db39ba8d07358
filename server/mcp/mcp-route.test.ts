// /api/mcp over real HTTP with the official MCP client (Client + StreamableHTTPClientTransport): the key
// owner's exposed flows as tools, a call as a stored run with source `mcp`, a failed run as isError, progress
// per completed node, a wrong key as 401, and another user's flows neither listed nor callable.
import { randomBytes } from "node:crypto";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVault } from "@/lib/secrets";
import { createRunService } from "@/server/runs/run-service";
import { createServices, type Services } from "@/server/services";
import { useAppSingletons } from "@/testing/app-globals";
import { testDatabases } from "@/testing/databases";
import { chatGraph } from "@/testing/flow-graphs";
import { startRouteServer } from "@/testing/route-server";
import { createScriptedProvider } from "@/testing/scripted-provider";
import { createTestUser, type TestUser } from "@/testing/users";

describe.each(testDatabases())("/api/mcp on $provider", ({ create }) => {
  let database: Awaited<ReturnType<typeof create>>;
  let services: Services;
  let runs: ReturnType<typeof createRunService>;
  let app: Awaited<ReturnType<typeof startRouteServer>>;
  let restore: () => void;
  let owner: TestUser;
  let ownerKey: string;
  let otherKey: string;
  let echoFlowId: string;
  let otherFlowId: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    database = await create();
    const vault = createVault(randomBytes(32));
    services = createServices(database, () => vault);
    const provider = createScriptedProvider({
      respond: (call) => {
        const text = String(call.messages.at(-1)?.content ?? "");
        return text === "fail please" ? { error: "the model is down" } : `echo: ${text}`;
      },
    });
    runs = createRunService({ db: database, flows: services.flows }, { maxConcurrentRuns: 4, runTimeoutMs: 20_000, providers: () => provider });
    restore = useAppSingletons({ db: database, runs, vault }).restore;
    const route = await import("@/app/api/mcp/route");
    app = await startRouteServer(["POST", "GET", "DELETE"].map((method) => ({ method, path: /^\/api\/mcp$/, handler: route[method as "POST"] })));

    owner = await createTestUser(database);
    const other = await createTestUser(database);
    ownerKey = (await services.apiKeys.create(owner.caller, { name: "mcp", scope: "run" })).key;
    otherKey = (await services.apiKeys.create(other.caller, { name: "mcp" })).key;
    echoFlowId = (await services.flows.create(owner.caller, { name: "Echo", description: "Echoes its input", graph: chatGraph() })).id;
    await services.flowTools.set(owner.caller, { flowId: echoFlowId, exposed: true, toolName: "echo", description: "" });
    const hidden = await services.flows.create(owner.caller, { name: "Hidden", graph: chatGraph() });
    await services.flowTools.set(owner.caller, { flowId: hidden.id, exposed: false, toolName: "hidden", description: "" });
    otherFlowId = (await services.flows.create(other.caller, { name: "Secret", graph: chatGraph() })).id;
    await services.flowTools.set(other.caller, { flowId: otherFlowId, exposed: true, toolName: "secret_tool", description: "Not yours" });
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await app?.close();
    await runs?.idle();
    restore?.();
    await database?.drop();
  });

  async function connect(key: string) {
    const client = new Client({ name: "osmen-test", version: "1.0.0" });
    const transport = new StreamableHTTPClientTransport(new URL(`${app.url}/api/mcp`), { requestInit: { headers: { authorization: `Bearer ${key}` } } });
    await client.connect(transport);
    clients.push(client);
    return client;
  }

  it("lists the owner's exposed flows with their input schema", async () => {
    const client = await connect(ownerKey);
    const { tools } = await client.listTools();
    expect(tools).toEqual([
      expect.objectContaining({
        name: "echo",
        description: "Echoes its input",
        inputSchema: expect.objectContaining({ type: "object", properties: { input: expect.objectContaining({ type: "string" }) }, required: ["input"] }),
      }),
    ]);
  });

  it("runs the flow as a stored run with source mcp, reporting progress per completed node", async () => {
    const client = await connect(ownerKey);
    const progress: string[] = [];
    const result = await client.callTool({ name: "echo", arguments: { input: "hello" } }, undefined, { onprogress: (update) => void progress.push(update.message ?? "") });
    expect(result).toMatchObject({ content: [{ type: "text", text: "echo: hello" }] });
    expect(result.isError).toBeFalsy();
    expect(progress).toContain('llm node "llm" completed');
    await runs.idle(); // the answer follows the run's final event; its row is finished just after
    const [run] = await runs.list(owner.caller, echoFlowId, 1);
    expect(run).toMatchObject({ source: "mcp", status: "succeeded" });
  });

  it("answers a failed run with isError and the run's error message", async () => {
    const client = await connect(ownerKey);
    const result = await client.callTool({ name: "echo", arguments: { input: "fail please" } });
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result.content)).toContain("the model is down");
    await runs.idle();
    const [run] = await runs.list(owner.caller, echoFlowId, 1);
    expect(run).toMatchObject({ source: "mcp", status: "failed" });
  });

  it("runs a call whose input holds a lone surrogate, storing it with U+FFFD", async () => {
    const client = await connect(ownerKey);
    const result = await client.callTool({ name: "echo", arguments: { input: "x\ud800" } });
    expect(result.isError).toBeFalsy();
    expect(JSON.stringify(result.content)).toContain("echo: x");
    await runs.idle();
    const [run] = await runs.list(owner.caller, echoFlowId, 1);
    expect(run).toMatchObject({ source: "mcp", status: "succeeded" });
    expect((await runs.get(owner.caller, run!.id)).input).toBe("x\ufffd");
  });

  it("answers a call without the required input, or with a wrong type, as a tool error the model can fix", async () => {
    const client = await connect(ownerKey);
    const missing = await client.callTool({ name: "echo", arguments: {} });
    expect(missing).toMatchObject({ isError: true, content: [{ type: "text", text: expect.stringContaining('"input" is required') }] });
    const wrongType = await client.callTool({ name: "echo", arguments: { input: 42 } });
    expect(wrongType).toMatchObject({ isError: true, content: [{ type: "text", text: expect.stringContaining('"input" must be a string') }] });
  });

  it("refuses a missing or wrong key with 401, a JSON-RPC error and a Bearer challenge", async () => {
    await expect(connect("osm_not-a-key")).rejects.toMatchObject({ code: 401 });
    const response = await fetch(`${app.url}/api/mcp`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer /);
    expect(await response.json()).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: -32000, message: expect.stringContaining("Authorization: Bearer") } });
  });

  it("never lists or runs another user's flow", async () => {
    const client = await connect(ownerKey);
    expect((await client.listTools()).tools.map((tool) => tool.name)).not.toContain("secret_tool");
    await expect(client.callTool({ name: "secret_tool", arguments: { input: "hi" } })).rejects.toThrow(/Unknown tool: secret_tool/);
    expect(await runs.list(await otherCaller(), otherFlowId)).toEqual([]);
  });

  it("answers GET and DELETE with 405: a stateless server has no stream or session", async () => {
    for (const method of ["GET", "DELETE"]) {
      const response = await fetch(`${app.url}/api/mcp`, { method, headers: { authorization: `Bearer ${ownerKey}`, accept: "text/event-stream" } });
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("POST");
    }
  });

  const otherCaller = async () => (await services.apiKeys.authenticate(`Bearer ${otherKey}`)).caller;
});

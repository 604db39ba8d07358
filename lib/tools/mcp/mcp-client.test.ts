// The MCP client against a real MCP server (the SDK's server side over HTTP): listing, calling, and each way a
// call or a connection fails. The address guard is the run's (lib/engine/mcp-tool.test.ts); here fetch is plain.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMcpServer, type TestMcpServer } from "@/testing/servers/mcp";
import { connectMcpServer, secretValuesOf } from "./mcp-client";
import { McpToolError } from "./mcp-errors";
import type { McpSession } from "./mcp-types";

let server: TestMcpServer;
let notMcp: Server;
let notMcpUrl = "";

beforeAll(async () => {
  server = await startMcpServer();
  notMcp = createServer((_request, response) => response.writeHead(404, { "content-type": "text/html" }).end("<h1>Not here</h1>"));
  await new Promise<void>((resolve) => notMcp.listen(0, "127.0.0.1", resolve));
  notMcpUrl = `http://127.0.0.1:${(notMcp.address() as AddressInfo).port}/mcp`;
});
afterAll(async () => {
  await server.close();
  await new Promise((resolve) => notMcp.close(resolve));
});

const signal = () => new AbortController().signal;

describe("connectMcpServer", () => {
  let session: McpSession;
  beforeAll(async () => (session = await connectMcpServer({ url: server.url("/mcp"), transport: "streamable-http", signal: signal() })));
  afterAll(async () => session.close());

  it("lists the server's tools with their descriptions and JSON Schemas", () => {
    expect(session.tools.map((tool) => tool.name)).toEqual(["get_weather", "broken"]);
    expect(session.tools[0]).toMatchObject({ description: "The weather in a city", inputSchema: { type: "object", required: ["city"] } });
  });

  it("calls a tool and returns its text", async () => {
    await expect(session.callTool("get_weather", { city: "Kyiv" }, { signal: signal() })).resolves.toBe("Sunny in Kyiv");
  });

  it("turns an isError result and JSON-RPC errors into tool errors", async () => {
    await expect(session.callTool("broken", {}, { signal: signal() })).rejects.toMatchObject({ name: "McpToolError", code: "tool_error", message: "the weather service is down" });
    const unknown = session.callTool("no_such_tool", {}, { signal: signal() });
    await expect(unknown).rejects.toBeInstanceOf(McpToolError);
    await expect(unknown).rejects.toMatchObject({ code: "tool_error", message: expect.stringContaining("no_such_tool") });
    await expect(session.callTool("get_weather", { city: 42 }, { signal: signal() })).rejects.toMatchObject({ code: "tool_error" });
  });

  it("says which URL failed and why when the server is not an MCP server, or the URL is not http(s)", async () => {
    await expect(connectMcpServer({ url: notMcpUrl, transport: "streamable-http", signal: signal() })).rejects.toMatchObject({
      code: "connect_failed",
      message: expect.stringContaining(`could not use the MCP server at ${notMcpUrl}`),
    });
    await expect(connectMcpServer({ url: "file:///etc/passwd", transport: "sse", signal: signal() })).rejects.toMatchObject({ code: "connect_failed", message: expect.stringContaining("not file") });
    await expect(connectMcpServer({ url: "not a url", transport: "sse", signal: signal() })).rejects.toMatchObject({ code: "connect_failed", message: expect.stringContaining("not a valid URL") });
  });

  it("adds the credential's header to the server's own origin only", async () => {
    const seen: string[] = [];
    const recording: typeof fetch = (input, init) => {
      seen.push(`${new URL(input instanceof Request ? input.url : String(input)).origin} ${new Headers(init?.headers).get("x-api-key") ?? "-"}`);
      return fetch(input, init);
    };
    const keyed = await connectMcpServer({ url: server.url("/mcp"), transport: "streamable-http", header: { name: "X-API-Key", value: "k1" }, fetch: recording, signal: signal() });
    await keyed.close();
    const origin = new URL(server.url("/")).origin;
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((line) => line === `${origin} k1`)).toBe(true);
  });
});

describe("secretValuesOf", () => {
  it("lists the header's value, the key after its scheme and a Basic pair's parts, longest first", () => {
    expect(secretValuesOf({ name: "Authorization", value: "Bearer key-123" })).toEqual(["Bearer key-123", "key-123"]);
    expect(secretValuesOf({ name: "X-API-Key", value: "plain-key" })).toEqual(["plain-key"]);
    const basic = `Basic ${Buffer.from("ada:hunter2pw").toString("base64")}`;
    expect(secretValuesOf({ name: "Authorization", value: basic })).toEqual([basic, Buffer.from("ada:hunter2pw").toString("base64"), "ada:hunter2pw", "hunter2pw"]);
  });
});

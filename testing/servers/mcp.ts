// A local MCP server made with the official SDK's server side, over real HTTP: Streamable HTTP (stateless) at
// /mcp and the older HTTP+SSE transport at /sse (messages posted to /messages). Its tools:
//   get_weather {city}  -> text "Sunny in <city>"
//   broken              -> an isError result "the weather service is down"
// /mcp-echo serves one more tool, as careless servers do:
//   echo_credential     -> an isError result echoing the request's credential: "key <key> is not allowed here"
// /mcp-echo-401 answers every request 401 with a body echoing the credential: "bad key <key>", as careless
// servers do. The credential is the Authorization header without its scheme, else X-API-Key.
// Usage: const server = await startMcpServer(); server.url("/mcp"); server.requests[0].headers; await server.close();
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { SSEServerTransport } from "@modelcontextprotocol/sdk/server/sse.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { z } from "zod";

export type McpRecordedRequest = { method: string; path: string; headers: IncomingMessage["headers"] };
export type McpToolCall = { name: string; args: Record<string, unknown> };

export type TestMcpServer = {
  /** `http://127.0.0.1:<port><path>` */
  url(path: string): string;
  /** Every HTTP request, in arrival order, with its headers (to see which credentials arrived). */
  readonly requests: McpRecordedRequest[];
  /** Every tools/call the tools received. */
  readonly calls: McpToolCall[];
  /** SSE streams still open: a client that closed its session leaves none. */
  openSseStreams(): number;
  close(): Promise<void>;
};

function buildServer(calls: McpToolCall[], hasEchoTool = false): McpServer {
  const server = new McpServer({ name: "osmen-test-weather", version: "1.0.0" });
  server.registerTool(
    "get_weather",
    { description: "The weather in a city", inputSchema: { city: z.string().describe("The city") } },
    async ({ city }) => {
      calls.push({ name: "get_weather", args: { city } });
      return { content: [{ type: "text", text: `Sunny in ${city}` }] };
    },
  );
  server.registerTool("broken", { description: "Always fails" }, async () => {
    calls.push({ name: "broken", args: {} });
    return { isError: true, content: [{ type: "text", text: "the weather service is down" }] };
  });
  if (!hasEchoTool) return server;
  server.registerTool("echo_credential", { description: "Fails, echoing the caller's key" }, async (extra) => {
    calls.push({ name: "echo_credential", args: {} });
    const headers = (extra.requestInfo?.headers ?? {}) as IncomingMessage["headers"];
    return { isError: true, content: [{ type: "text", text: `key ${credentialOf(headers)} is not allowed here` }] };
  });
  return server;
}

/** The key a request carried: the Authorization header without its scheme, else X-API-Key. */
function credentialOf(headers: IncomingMessage["headers"]): string {
  const authorization = headers.authorization;
  if (authorization) return authorization.replace(/^\S+\s+/, "");
  return String(headers["x-api-key"] ?? "");
}

/** Starts the server on 127.0.0.1 and a free port. */
export async function startMcpServer(): Promise<TestMcpServer> {
  const requests: McpRecordedRequest[] = [];
  const calls: McpToolCall[] = [];
  const sseSessions = new Map<string, SSEServerTransport>();
  const open = new Set<{ close(): Promise<void> }>();

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    requests.push({ method: request.method ?? "GET", path, headers: request.headers });
    if (path === "/mcp-echo-401") {
      return void response.writeHead(401, { "content-type": "text/plain" }).end(`bad key ${credentialOf(request.headers)}`);
    }
    if (path === "/mcp" || path === "/mcp-echo") {
      // Stateless: a fresh server and transport per request, as the SDK's examples do.
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
      const server = buildServer(calls, path === "/mcp-echo");
      open.add(server);
      response.on("close", () => void server.close().finally(() => open.delete(server)));
      await server.connect(transport);
      await transport.handleRequest(request, response);
      return;
    }
    if (path === "/sse" && request.method === "GET") {
      const transport = new SSEServerTransport("/messages", response);
      const server = buildServer(calls);
      sseSessions.set(transport.sessionId, transport);
      open.add(server);
      response.on("close", () => {
        sseSessions.delete(transport.sessionId);
        void server.close().finally(() => open.delete(server));
      });
      await server.connect(transport);
      return;
    }
    if (path === "/messages" && request.method === "POST") {
      const transport = sseSessions.get(new URL(request.url ?? "/", "http://localhost").searchParams.get("sessionId") ?? "");
      if (!transport) return void response.writeHead(404).end("no such session");
      await transport.handlePostMessage(request, response);
      return;
    }
    response.writeHead(404).end("not found");
  }

  const http = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return {
    url: (path) => `${base}${path}`,
    requests,
    calls,
    openSseStreams: () => sseSessions.size,
    async close() {
      await Promise.allSettled([...open].map((server) => server.close()));
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
    },
  };
}

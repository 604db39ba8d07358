// The MCP client behind tool.mcp, on the official SDK: connects over Streamable HTTP or the older HTTP+SSE
// transport with the `fetch` it is given (the run passes the address-guarded one, so every request and
// redirect is checked), lists the server's tools and calls them. A credential's header is added only to
// requests for the server's own origin. A server's answer may echo that header back ("bad key ..."), so
// every message built from an answer has the header's value replaced by "[redacted]".
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { redactSecrets } from "@/lib/llm/core/redact";
import { McpToolError } from "./mcp-errors";
import { toolResultValue } from "./mcp-result";
import type { McpSession, McpToolInfo, McpTransport } from "./mcp-types";

/** One header to send with every request to the server's origin (from a stored credential). */
export type McpHeader = { name: string; value: string };

export type McpConnectOptions = {
  url: string;
  transport: McpTransport;
  header?: McpHeader;
  /** Every request goes through it; default: the global fetch (tests only: the run passes a guarded one). */
  fetch?: typeof fetch;
  signal: AbortSignal;
};

const clientInfo = { name: "osmen-studio", version: "1.0.0" };
const MAX_TOOL_PAGES = 20;

/**
 * Connects and lists the tools. Errors: McpToolError `connect_failed` (unreachable, refused by the address
 * guard, not an MCP server, an invalid URL), with the cause's message (the credential's value redacted); an
 * aborted signal rejects with its reason.
 */
export async function connectMcpServer(options: McpConnectOptions): Promise<McpSession> {
  const url = parseServerUrl(options.url);
  const client = new Client(clientInfo);
  const redact = (text: string) => redactSecrets(text, options.header ? secretValuesOf(options.header) : []);
  try {
    await client.connect(createTransport(url, options), { signal: options.signal });
    const tools = await listAllTools(client, options.signal);
    return {
      tools,
      callTool: (name, args, call) => callTool(client, name, args, call.signal, redact),
      close: () => client.close(),
    };
  } catch (error) {
    await client.close().catch(() => undefined);
    if (options.signal.aborted) throw options.signal.reason;
    // No `cause`: the SDK's error carries the server's answer as sent, and a cause travels into logs.
    throw new McpToolError("connect_failed", `could not use the MCP server at ${url.href}: ${redact(messageOf(error))}`);
  }
}

/**
 * The texts of a credential header that an answer could echo: the whole value, the key after its scheme
 * (`Bearer <key>`), and for `Basic` the decoded `user:password` and the password alone.
 */
export function secretValuesOf(header: McpHeader): string[] {
  const values = [header.value];
  const scheme = /^\s*(\S+)\s+(\S.*)$/.exec(header.value);
  if (scheme) {
    const credentials = scheme[2]!.trim();
    values.push(credentials);
    if (scheme[1]!.toLowerCase() === "basic") {
      const decoded = Buffer.from(credentials, "base64").toString("utf8");
      values.push(decoded, decoded.slice(decoded.indexOf(":") + 1));
    }
  }
  // Longest first, so a value is not half-replaced by one of its parts.
  return values.filter((value) => value.length >= 4).sort((a, b) => b.length - a.length);
}

function parseServerUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new McpToolError("connect_failed", `"${text}" is not a valid URL: enter the MCP server's http(s) address, e.g. https://mcp.example.com/mcp`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new McpToolError("connect_failed", `only http and https MCP servers are supported, not ${url.protocol.replace(":", "")}`);
  }
  return url;
}

function createTransport(url: URL, options: McpConnectOptions): Transport {
  const send = withHeader(options.fetch ?? fetch, url.origin, options.header);
  return options.transport === "sse" ? new SSEClientTransport(url, { fetch: send }) : new StreamableHTTPClientTransport(url, { fetch: send });
}

/** The credential's header goes to the server's origin only, whatever URL the transport is told to use. */
function withHeader(base: typeof fetch, origin: string, header: McpHeader | undefined): typeof fetch {
  if (!header) return base;
  return (input, init) => {
    const target = new URL(input instanceof Request ? input.url : String(input));
    if (target.origin !== origin) return base(input, init);
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    headers.set(header.name, header.value);
    return base(input, { ...init, headers });
  };
}

async function listAllTools(client: Client, signal: AbortSignal): Promise<McpToolInfo[]> {
  const tools: McpToolInfo[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_TOOL_PAGES; page += 1) {
    const result = await client.listTools(cursor ? { cursor } : undefined, { signal });
    for (const tool of result.tools) {
      tools.push({ name: tool.name, description: tool.description ?? tool.title ?? tool.name, inputSchema: tool.inputSchema as Record<string, unknown> });
    }
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return tools;
}

async function callTool(client: Client, name: string, args: Record<string, unknown>, signal: AbortSignal, redact: (text: string) => string): Promise<unknown> {
  let result: Awaited<ReturnType<Client["callTool"]>>;
  try {
    result = await client.callTool({ name, arguments: args }, undefined, { signal });
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    // A JSON-RPC error (unknown tool, invalid arguments): the model should see it and may try again.
    throw new McpToolError("tool_error", `the MCP tool "${name}" failed: ${redact(messageOf(error))}`);
  }
  return toolResultValue(name, result, redact);
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error && !error.message.includes(error.cause.message) ? ` (${error.cause.message})` : "";
  return `${error.message}${cause}`;
}

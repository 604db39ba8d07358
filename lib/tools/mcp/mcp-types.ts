// What a flow knows of an MCP server and its tools: plain data and one session type, so the node kind
// (browser-safe) and the Node-side client share one description. lib/flow re-exports these for the run's services.

/** The two HTTP transports of the protocol: Streamable HTTP (current) and the older HTTP+SSE. No stdio. */
export const mcpTransports = ["streamable-http", "sse"] as const;
export type McpTransport = (typeof mcpTransports)[number];

/** Where a `tool.mcp` node connects; `credentialId` names a stored MCP credential whose header is sent. */
export type McpServerRef = { url: string; transport: McpTransport; credentialId?: string };

/** One tool as the server lists it; `inputSchema` is its JSON Schema (an object schema). */
export type McpToolInfo = { name: string; description: string; inputSchema: Record<string, unknown> };

/** An open connection to one server, closed by whoever opened it (the run, when it ends). */
export type McpSession = {
  readonly tools: McpToolInfo[];
  /**
   * Calls a tool. Resolves with its result (structured content if the server sent it, else its text);
   * rejects with McpToolError when the server reports a tool error (an `isError` result) or a JSON-RPC error.
   */
  callTool(name: string, args: Record<string, unknown>, options: { signal: AbortSignal }): Promise<unknown>;
  close(): Promise<void>;
};

// The MCP client: connect to a server over HTTP, list and call its tools (Node-side; the types are browser-safe).
export { connectMcpServer, type McpConnectOptions, type McpHeader } from "./mcp-client";
export { McpToolError, type McpErrorCode } from "./mcp-errors";
export { mcpTransports, type McpServerRef, type McpSession, type McpToolInfo, type McpTransport } from "./mcp-types";

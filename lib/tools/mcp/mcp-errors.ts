// The MCP client's failures, each with a code: a tool's own error goes back to the model as a tool error;
// the others fail the node that connects.

export type McpErrorCode = "tool_error" | "connect_failed" | "bad_credential";

export class McpToolError extends Error {
  constructor(readonly code: McpErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "McpToolError";
  }
}

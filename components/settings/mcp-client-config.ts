// The configuration an MCP client needs to reach /api/mcp, in each client's own file format. Pure, so it is
// unit-tested; the Settings panel shows it ready to paste.

/** The clients a configuration is offered for, by the file they read it from. */
export type McpClientKind = "vscode" | "cursor" | "claude-desktop";

export const mcpClientLabels: Record<McpClientKind, string> = {
  vscode: "VS Code (.vscode/mcp.json)",
  cursor: "Cursor (~/.cursor/mcp.json), Claude Code (.mcp.json)",
  "claude-desktop": "Claude Desktop (claude_desktop_config.json)",
};

const SERVER_NAME = "osmen-studio";

/**
 * The JSON to paste into the client's configuration, pretty-printed. `url` is /api/mcp's absolute URL,
 * `key` the API key or a placeholder. VS Code and Cursor speak Streamable HTTP themselves; Claude Desktop's
 * configuration file only starts local servers, so it goes through the `mcp-remote` bridge.
 */
export function mcpClientConfig(client: McpClientKind, url: string, key: string): string {
  const authorization = `Bearer ${key}`;
  const config =
    client === "vscode"
      ? { servers: { [SERVER_NAME]: { type: "http", url, headers: { Authorization: authorization } } } }
      : client === "cursor"
        ? { mcpServers: { [SERVER_NAME]: { type: "http", url, headers: { Authorization: authorization } } } }
        : { mcpServers: { [SERVER_NAME]: { command: "npx", args: ["-y", "mcp-remote", url, "--header", `Authorization: ${authorization}`] } } };
  return JSON.stringify(config, null, 2);
}

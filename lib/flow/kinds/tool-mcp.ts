// An MCP server's tools, offered to an agent: at run time the node connects (through the run's services:
// address-guarded, with the stored credential's header), lists the server's tools and sends one handle per
// chosen tool on its `tool` output, each under the server's own name for it. The run closes the session.
import { z } from "zod";
import { normalizeEndpoint } from "@/lib/credentials/endpoints";
import { checkMcpCredentialFit, MCP_CREDENTIAL_KIND } from "@/lib/credentials/mcp-header";
import { mcpTransports, type McpSession, type McpToolInfo } from "@/lib/tools/mcp/mcp-types";
import type { ToolHandle } from "../handles";
import { defineNodeKind, type CredentialMap, type KindIssue } from "../node-kind";
import { toToolName } from "../tool-name";
import { withoutUserInfo } from "../endpoint-url";

const configSchema = z.object({
  url: withoutUserInfo(z.string().trim().max(2000))
    .default("")
    .meta({
      title: "Server URL",
      description: "The MCP server's http(s) endpoint, e.g. https://mcp.example.com/mcp. Private and loopback addresses need OSMEN_HTTP_ALLOWLIST.",
    }),
  transport: z
    .enum(mcpTransports)
    .default("streamable-http")
    .meta({ title: "Transport", description: "streamable-http (current servers) or sse (the older HTTP+SSE transport)." }),
  credentialId: z
    .string()
    .max(200)
    .default("")
    .meta({ title: "Credential", description: "A stored MCP server key, sent as its header to this server only; empty sends none.", widget: "credential", credentialKinds: [MCP_CREDENTIAL_KIND] }),
  tools: z
    .array(z.string().trim().min(1).max(200))
    .max(200)
    .default([])
    .meta({ title: "Tools", description: "The server's tool names to offer; empty offers all of them.", widget: "tags" }),
});

type McpConfig = z.output<typeof configSchema>;

function checkMcp({ config, credentials }: { config: McpConfig; credentials?: CredentialMap }): KindIssue[] {
  if (!config.url) return [{ code: "mcp_url_missing", severity: "error", message: "Enter the MCP server's URL, e.g. https://mcp.example.com/mcp.", field: "url" }];
  if (!normalizeEndpoint(config.url)) {
    return [{ code: "mcp_url_invalid", severity: "error", message: `"${config.url}" is not an http(s) URL: enter the MCP server's address, e.g. https://mcp.example.com/mcp.`, field: "url" }];
  }
  if (!credentials || !config.credentialId) return [];
  const credential = credentials.get(config.credentialId);
  if (!credential) {
    const message = "The selected credential does not exist (it was deleted, or belongs to someone else): pick another one in the node's settings.";
    return [{ code: "credential_missing", severity: "error", message, field: "credentialId" }];
  }
  const fit = checkMcpCredentialFit(config.url, credential);
  return fit.isFit ? [] : [{ code: "credential_mismatch", severity: "error", message: fit.message, field: "credentialId" }];
}

/** The server's tools the node offers: all, or the chosen names (every one must exist). */
function chosenTools(tools: McpToolInfo[], chosen: string[], url: string): McpToolInfo[] {
  if (chosen.length === 0) return tools;
  const missing = chosen.filter((name) => !tools.some((tool) => tool.name === name));
  if (missing.length > 0) {
    const offered = tools.map((tool) => tool.name).join(", ") || "none";
    throw new Error(`the MCP server at ${url} has no tool named ${missing.map((name) => `"${name}"`).join(", ")}; it offers: ${offered}. Fix the node's Tools list.`);
  }
  return tools.filter((tool) => chosen.includes(tool.name));
}

function toToolHandle(nodeId: string, session: McpSession, tool: McpToolInfo): ToolHandle {
  return {
    kind: "tool",
    nodeId,
    // Models accept ^[A-Za-z0-9_-]{1,64}$ only; the server is called by its own name.
    definition: { name: toToolName(tool.name), description: tool.description, parameters: tool.inputSchema },
    invoke: (args, context) => session.callTool(tool.name, args, { signal: context.signal }),
  };
}

export const mcpToolKind = defineNodeKind({
  type: "tool.mcp",
  title: "MCP server",
  category: "tools",
  description: "Offers the tools of an MCP server (Streamable HTTP or SSE) to an agent, each under its own name.",
  configSchema,
  ports: () => ({
    inputs: [],
    outputs: [{ name: "tool", type: "tool", label: "Tools", description: "Offer the server's chosen tools to an agent." }],
  }),
  summarize: (config) => `${config.url || "(no URL)"} · ${config.tools.length > 0 ? config.tools.join(", ") : "all tools"}`,
  check: checkMcp,
  run: async (context, _inputs, config) => {
    const server = { url: config.url, transport: config.transport, credentialId: config.credentialId || undefined };
    const session = await context.services.connectMcp(server, { signal: context.signal, nodeId: context.nodeId });
    return { tool: chosenTools(session.tools, config.tools, config.url).map((tool) => toToolHandle(context.nodeId, session, tool)) };
  },
});

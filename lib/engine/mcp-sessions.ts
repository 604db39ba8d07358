// The MCP connections of one run: opened by tool.mcp nodes through `services.connectMcp`, each with the
// address-guarded fetch (every request and redirect checked; OSMEN_HTTP_ALLOWLIST exempts hosts) and, when the
// node names a stored credential, that credential's header for the server's origin only. The run closes them
// all when it ends.
import { checkMcpCredentialFit, decodeMcpSecret } from "@/lib/credentials/mcp-header";
import { createGuardedFetch, type GuardedFetchOptions } from "@/lib/tools/guarded-fetch";
import { connectMcpServer, type McpHeader } from "@/lib/tools/mcp/mcp-client";
import type { McpServerRef, McpSession } from "@/lib/tools/mcp/mcp-types";
import { EngineError } from "./errors";
import type { CredentialResolver } from "./providers";

export type McpSessionOptions = {
  /** Resolves a node's `credentialId` for the run's user; without it a node naming a credential fails. */
  resolveCredential?: CredentialResolver;
  /** DNS for the address guard (tests answer from a table). */
  resolveHost?: GuardedFetchOptions["resolveHost"];
};

export type McpSessions = {
  /** Opens a session for a node; failures are EngineErrors (credentials) or McpToolErrors (the server). */
  open(server: McpServerRef, context: { signal: AbortSignal; nodeId: string }): Promise<McpSession>;
  /** Closes every session; one opened later (a node that outlived the run) is closed as soon as it opens. */
  closeAll(): Promise<void>;
};

export function createMcpSessions(options: McpSessionOptions = {}): McpSessions {
  const open = new Set<McpSession>();
  let isClosed = false;
  return {
    async open(server, context) {
      const header = server.credentialId ? await credentialHeader(server, server.credentialId, options, context) : undefined;
      const fetch = createGuardedFetch({ subject: "an MCP server URL", resolveHost: options.resolveHost, secretHeaders: header ? [header.name] : [] });
      const session = await connectMcpServer({ url: server.url, transport: server.transport, header, fetch, signal: context.signal });
      if (isClosed) {
        await session.close();
        throw new EngineError("cancelled", "The run ended while the MCP server was connecting.");
      }
      open.add(session);
      return session;
    },
    async closeAll() {
      isClosed = true;
      const sessions = [...open];
      open.clear();
      // A server that is gone by now must not turn a finished run into a failed one.
      await Promise.allSettled(sessions.map((session) => session.close()));
    },
  };
}

async function credentialHeader(server: McpServerRef, credentialId: string, options: McpSessionOptions, context: { signal: AbortSignal; nodeId: string }): Promise<McpHeader> {
  if (!options.resolveCredential) {
    throw new EngineError("credential_unavailable", `The MCP node "${context.nodeId}" uses a stored credential, but this server has no credential store configured.`);
  }
  const credential = await options.resolveCredential(credentialId, { signal: context.signal });
  const fit = checkMcpCredentialFit(server.url, credential);
  if (!fit.isFit) throw new EngineError("credential_mismatch", `The MCP node "${context.nodeId}" cannot run: ${fit.message}`);
  return decodeMcpSecret(credential.secret);
}

"use client";
// Settings → MCP: the /api/mcp address and a client configuration to paste, for a chosen API key. A key is
// shown only once, so the configuration holds a placeholder naming the key, unless one is created right here.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc-provider";
import { ErrorAlert, ResourcePanel, useRefresh } from "@/components/ui/resource-panel";
import { mcpClientConfig, mcpClientLabels, type McpClientKind } from "./mcp-client-config";

/** `url`: /api/mcp's absolute URL, from the server's one source of public URLs. */
export function McpPanel({ url }: { url: string }) {
  const trpc = useTRPC();
  const keys = useQuery(trpc.apiKey.list.queryOptions());
  const refresh = useRefresh(trpc.apiKey.list.queryKey());
  const [client, setClient] = useState<McpClientKind>("vscode");
  const [keyId, setKeyId] = useState("");
  const create = useMutation(trpc.apiKey.create.mutationOptions({ onSuccess: (created) => (setKeyId(created.id), refresh()) }));
  const activeKeys = (keys.data ?? []).filter((key) => !key.revokedAt);
  const chosen = activeKeys.find((key) => key.id === keyId);
  const keyText = create.data && create.data.id === keyId ? create.data.key : chosen ? `<API key "${chosen.name}" (${chosen.prefix}…)>` : "<your API key>";

  return (
    <ResourcePanel id="mcp" title="MCP">
      <p className="muted">
        MCP clients call the flows you expose as tools (Share → MCP tool in a flow) at <code data-testid="mcp-url">{url}</code>, with an API key
        in <code>Authorization: Bearer &lt;key&gt;</code>. Each call is a run in the flow&apos;s history.
      </p>
      <div className="toolbar">
        <label htmlFor="mcp-client">Client</label>
        <select id="mcp-client" value={client} onChange={(event) => setClient(event.target.value as McpClientKind)}>
          {(Object.keys(mcpClientLabels) as McpClientKind[]).map((each) => (
            <option key={each} value={each}>
              {mcpClientLabels[each]}
            </option>
          ))}
        </select>
        <label htmlFor="mcp-key">API key</label>
        <select id="mcp-key" value={keyId} onChange={(event) => setKeyId(event.target.value)}>
          <option value="">Choose a key…</option>
          {activeKeys.map((key) => (
            <option key={key.id} value={key.id}>
              {key.name} ({key.prefix}…)
            </option>
          ))}
        </select>
        <button type="button" disabled={create.isPending} onClick={() => create.mutate({ name: "MCP client", scope: "run" })}>
          Create a run-only key for MCP
        </button>
      </div>
      <ErrorAlert error={create.error ?? keys.error} />
      {create.data && create.data.id === keyId && <p className="muted">This configuration holds the new key; copy it now, the key is not shown again.</p>}
      <pre className="mcp-config" data-testid="mcp-config">
        {mcpClientConfig(client, url, keyText)}
      </pre>
    </ResourcePanel>
  );
}

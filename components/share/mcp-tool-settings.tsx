"use client";
// The "MCP tool" part of the share dialog: offer this flow to MCP clients (Claude Desktop, Cursor, VS Code)
// under a tool name, with a description; the clients' address and configuration are in Settings.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc-provider";
import { MAX_FLOW_TOOL_NAME_LENGTH } from "@/lib/flow/flow-tool";

type Settings = { exposed: boolean; toolName: string; description: string; flowDescription: string };

export function McpToolSettings({ flowId }: { flowId: string }) {
  const trpc = useTRPC();
  const settings = useQuery(trpc.flow.mcpTool.queryOptions({ id: flowId }));
  return (
    <section aria-labelledby="mcp-tool-title">
      <h3 id="mcp-tool-title">MCP tool</h3>
      {settings.error && (
        <p role="alert" className="field-error">
          {settings.error.message}
        </p>
      )}
      {settings.data && <McpToolForm flowId={flowId} saved={settings.data} />}
    </section>
  );
}

function McpToolForm({ flowId, saved }: { flowId: string; saved: Settings }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [exposed, setExposed] = useState(saved.exposed);
  const [toolName, setToolName] = useState(saved.toolName);
  const [description, setDescription] = useState(saved.description);
  const save = useMutation(
    trpc.flow.setMcpTool.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.flow.mcpTool.queryKey({ id: flowId }) }) }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ id: flowId, exposed, toolName: toolName.trim(), description });
  };

  return (
    <form className="mcp-tool-form" onSubmit={submit}>
      <p className="muted">
        MCP clients using one of your API keys can call this flow as a tool; each call is a run in its history. The server address and a client
        configuration are in <a href="/settings#mcp">Settings → MCP</a>.
      </p>
      <label>
        <input type="checkbox" checked={exposed} onChange={(event) => setExposed(event.target.checked)} /> Expose as MCP tool
      </label>
      <label htmlFor="mcp-tool-name">Tool name</label>
      <input
        id="mcp-tool-name"
        value={toolName}
        onChange={(event) => setToolName(event.target.value)}
        maxLength={MAX_FLOW_TOOL_NAME_LENGTH}
        pattern="[A-Za-z0-9_\-]+"
        title="Letters, digits, _ and - only"
        required
      />
      <label htmlFor="mcp-tool-description">Description</label>
      <textarea
        id="mcp-tool-description"
        value={description}
        onChange={(event) => setDescription(event.target.value)}
        placeholder={saved.flowDescription || "What the flow does, for the model that picks tools"}
        rows={3}
      />
      <button type="submit" disabled={save.isPending}>
        Save
      </button>
      {save.isSuccess && !save.isPending && <span role="status">Saved.</span>}
      {save.error && (
        <p role="alert" className="field-error">
          {save.error.message}
        </p>
      )}
    </form>
  );
}

"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc-provider";
import { DangerButton, ErrorAlert, ResourceList, ResourcePanel, RowName, useRefresh } from "@/components/ui/resource-panel";
import { formatRelativeTime } from "@/lib/format-time";
import { DEFAULT_MCP_HEADER, MCP_CREDENTIAL_KIND } from "@/lib/credentials/mcp-header";
import { keyedProviders, providerDescriptor, type KeyedProviderName } from "@/lib/llm/providers";

const otherKindLabels: Record<string, string> = { mcp: "MCP server", google_oauth_client: "Google OAuth client", google: "Google connection" };

type EnterableKind = KeyedProviderName | typeof MCP_CREDENTIAL_KIND;
const kindLabel = (kind: string) => providerDescriptor(kind)?.credential?.label ?? otherKindLabels[kind] ?? kind;

/** The Base URL field's hint: the official API a key goes to when left empty, or that the server's URL is needed. */
function baseUrlPlaceholder(kind: EnterableKind): string {
  if (kind === MCP_CREDENTIAL_KIND) return "required: the MCP server's URL, e.g. https://mcp.example.com/mcp";
  const official = providerDescriptor(kind)?.endpoint.official;
  return official ? `optional: ${official}` : "required: the server's URL, e.g. http://127.0.0.1:1234/v1";
}

/** Provider and MCP server keys: write-only. After saving, the browser only ever sees the name, kind and last four characters. */
export function CredentialsPanel() {
  const trpc = useTRPC();
  const [name, setName] = useState("");
  const [kind, setKind] = useState<EnterableKind>("openai");
  const [secret, setSecret] = useState("");
  const [baseUrl, setBaseUrl] = useState("");
  const [headerName, setHeaderName] = useState("");
  const isMcp = kind === MCP_CREDENTIAL_KIND;
  const credentials = useQuery(trpc.credential.list.queryOptions());
  const refresh = useRefresh(trpc.credential.list.pathKey());
  const create = useMutation(trpc.credential.create.mutationOptions({ onSuccess: () => (setName(""), setSecret(""), setBaseUrl(""), setHeaderName(""), refresh()) }));
  const remove = useMutation(trpc.credential.delete.mutationOptions({ onSuccess: refresh }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name, kind, secret, baseUrl: baseUrl.trim() || undefined, headerName: isMcp ? headerName.trim() || undefined : undefined });
  };

  return (
    <ResourcePanel id="credentials" title="Credentials">
      <p className="muted">
        Keys are encrypted on the server and never shown again. Model nodes pick one in their settings, or fall back to the
        server&apos;s <code>OPENAI_API_KEY</code> / <code>ANTHROPIC_API_KEY</code>. A key is only ever sent to its endpoint: the
        official API, or the Base URL you enter with it (a proxy, or the server an OpenAI-compatible key belongs to). An MCP
        server key is sent, in the header you name, only to the server URL you enter with it.
      </p>
      <form className="toolbar" onSubmit={submit} aria-label="Add a credential">
        <label>
          Kind{" "}
          <select value={kind} onChange={(event) => setKind(event.target.value as EnterableKind)}>
            {keyedProviders.map((provider) => (
              <option key={provider.name} value={provider.name}>
                {provider.credential.label}
              </option>
            ))}
            <option value={MCP_CREDENTIAL_KIND}>{otherKindLabels.mcp}</option>
          </select>
        </label>
        <label>
          Name <input value={name} onChange={(event) => setName(event.target.value)} placeholder="e.g. Work account" maxLength={100} />
        </label>
        <label>
          Key <input type="password" autoComplete="off" value={secret} onChange={(event) => setSecret(event.target.value)} />
        </label>
        {isMcp && (
          <label>
            Header{" "}
            <input value={headerName} onChange={(event) => setHeaderName(event.target.value)} placeholder={`${DEFAULT_MCP_HEADER} (Bearer)`} maxLength={100} />
          </label>
        )}
        <label>
          {isMcp ? "Server URL" : "Base URL"}{" "}
          <input
            type="url"
            value={baseUrl}
            onChange={(event) => setBaseUrl(event.target.value)}
            placeholder={baseUrlPlaceholder(kind)}
            maxLength={2000}
          />
        </label>
        <button type="submit" className="primary" disabled={create.isPending}>
          Save credential
        </button>
      </form>
      <ErrorAlert error={create.error} />
      <ResourceList items={credentials.data} rowTestId="credential-row">
        {(credential) => (
          <>
            <RowName>{credential.name}</RowName>
            <span className="muted">{kindLabel(credential.kind)}</span>
            <code>{credential.last4 ? `••••${credential.last4}` : "••••"}</code>
            {credential.endpoint && <span className="muted" title="The only endpoint this key is sent to">{credential.endpoint}</span>}
            <span className="muted">updated {formatRelativeTime(credential.updatedAt)}</span>
            <DangerButton label="Delete" confirmText={`Delete "${credential.name}"?`} onConfirm={() => remove.mutate({ id: credential.id })} />
          </>
        )}
      </ResourceList>
    </ResourcePanel>
  );
}

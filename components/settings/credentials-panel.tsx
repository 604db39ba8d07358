"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc-provider";
import { DangerButton, ErrorAlert, ResourceList, ResourcePanel, RowName, useRefresh } from "@/components/ui/resource-panel";
import { officialEndpoints } from "@/lib/credentials/endpoints";
import { formatRelativeTime } from "@/lib/format-time";

const kindLabels: Record<string, string> = {
  openai: "OpenAI API key",
  anthropic: "Anthropic API key",
  google_oauth_client: "Google OAuth client",
  google: "Google connection",
};

/** Provider API keys: write-only. After saving, the browser only ever sees the name, kind and last four characters. */
export function CredentialsPanel() {
  const trpc = useTRPC();
  const [name, setName] = useState("");
  const [kind, setKind] = useState<"openai" | "anthropic">("openai");
  const [secret, setSecret] = useState("");
  const [baseUrl, setBaseUrl] = useState("");
  const credentials = useQuery(trpc.credential.list.queryOptions());
  const refresh = useRefresh(trpc.credential.list.pathKey());
  const create = useMutation(trpc.credential.create.mutationOptions({ onSuccess: () => (setName(""), setSecret(""), setBaseUrl(""), refresh()) }));
  const remove = useMutation(trpc.credential.delete.mutationOptions({ onSuccess: refresh }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name, kind, secret, baseUrl: baseUrl.trim() || undefined });
  };

  return (
    <ResourcePanel id="credentials" title="Credentials">
      <p className="muted">
        Keys are encrypted on the server and never shown again. Model nodes pick one in their settings, or fall back to the
        server&apos;s <code>OPENAI_API_KEY</code> / <code>ANTHROPIC_API_KEY</code>. A key is only ever sent to its endpoint: the
        official API, or the Base URL you enter with it (an OpenAI-compatible server or a proxy).
      </p>
      <form className="toolbar" onSubmit={submit} aria-label="Add a credential">
        <label>
          Kind{" "}
          <select value={kind} onChange={(event) => setKind(event.target.value as "openai" | "anthropic")}>
            <option value="openai">OpenAI API key</option>
            <option value="anthropic">Anthropic API key</option>
          </select>
        </label>
        <label>
          Name <input value={name} onChange={(event) => setName(event.target.value)} placeholder="e.g. Work account" maxLength={100} />
        </label>
        <label>
          Key <input type="password" autoComplete="off" value={secret} onChange={(event) => setSecret(event.target.value)} />
        </label>
        <label>
          Base URL{" "}
          <input
            type="url"
            value={baseUrl}
            onChange={(event) => setBaseUrl(event.target.value)}
            placeholder={`optional: ${officialEndpoints[kind]}`}
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
            <span className="muted">{kindLabels[credential.kind] ?? credential.kind}</span>
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

"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc-provider";
import { DangerButton, ErrorAlert, ResourceList, ResourcePanel, RowName, ShownOnce, useRefresh } from "@/components/ui/resource-panel";
import { formatRelativeTime } from "@/lib/format-time";

type Scope = "run" | "full";
const scopeLabels: Record<Scope, string> = { full: "Full access", run: "Run flows only" };

/**
 * Create, list and revoke API keys; a new key is shown once, right after it is created. A key acts as the
 * person who made it, with the scope chosen here: everything they may do, or only running flows and reading runs.
 */
export function ApiKeysPanel() {
  const trpc = useTRPC();
  const [name, setName] = useState("");
  const [scope, setScope] = useState<Scope>("full");
  const keys = useQuery(trpc.apiKey.list.queryOptions());
  const refresh = useRefresh(trpc.apiKey.list.queryKey());
  const create = useMutation(trpc.apiKey.create.mutationOptions({ onSuccess: () => (setName(""), refresh()) }));
  const revoke = useMutation(trpc.apiKey.revoke.mutationOptions({ onSuccess: refresh }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name, scope });
  };

  return (
    <ResourcePanel id="api-keys" title="API keys">
      <p className="muted">
        Apps call flows with <code>POST /api/v1/flows/&lt;id&gt;/run</code> or the OpenAI-compatible <code>/api/v1/chat/completions</code>,
        sending <code>Authorization: Bearer &lt;key&gt;</code>.
      </p>
      <form className="toolbar" onSubmit={submit}>
        <label htmlFor="api-key-name">Key name</label>
        <input id="api-key-name" value={name} onChange={(event) => setName(event.target.value)} placeholder="e.g. my-app" maxLength={100} />
        <label htmlFor="api-key-scope">Scope</label>
        <select id="api-key-scope" value={scope} onChange={(event) => setScope(event.target.value as Scope)}>
          {(Object.keys(scopeLabels) as Scope[]).map((each) => (
            <option key={each} value={each}>
              {scopeLabels[each]}
            </option>
          ))}
        </select>
        <button type="submit" className="primary" disabled={create.isPending}>
          Create key
        </button>
      </form>
      <ErrorAlert error={create.error} />
      {create.data && (
        <ShownOnce testId="new-api-key">
          Copy this key now; it will not be shown again: <code>{create.data.key}</code>
        </ShownOnce>
      )}
      <ErrorAlert error={keys.error} isBanner />
      <ResourceList items={keys.data} rowTestId="api-key-row">
        {(key) => (
          <>
            <RowName>{key.name}</RowName>
            <code>{key.prefix}…</code>
            <span data-testid="api-key-scope">{scopeLabels[key.scope]}</span>
            <span className="muted">created {formatRelativeTime(key.createdAt)}</span>
            {key.revokedAt ? (
              <span className="muted">revoked</span>
            ) : (
              <DangerButton label="Revoke" confirmText={`Revoke "${key.name}"? Apps using it stop working.`} onConfirm={() => revoke.mutate({ id: key.id })} />
            )}
          </>
        )}
      </ResourceList>
    </ResourcePanel>
  );
}

"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc-provider";
import { ErrorAlert, ResourcePanel, useRefresh } from "@/components/ui/resource-panel";
import { formatRelativeTime } from "@/lib/format-time";

/** Connect Google (read-only Calendar and Gmail) for the Google nodes and the Daily Brief. */
export function GooglePanel() {
  const trpc = useTRPC();
  const params = useSearchParams();
  const [clientId, setClientId] = useState("");
  const [clientSecret, setClientSecret] = useState("");
  const status = useQuery(trpc.google.status.queryOptions());
  const refresh = useRefresh(trpc.google.status.queryKey());
  const saveClient = useMutation(trpc.google.saveClient.mutationOptions({ onSuccess: () => (setClientId(""), setClientSecret(""), refresh()) }));
  const disconnect = useMutation(trpc.google.disconnect.mutationOptions({ onSuccess: refresh }));
  const submit = (event: FormEvent) => (event.preventDefault(), saveClient.mutate({ clientId, clientSecret }));

  return (
    <ResourcePanel id="google" title="Google">
      <p className="muted">Read-only access to Calendar and Gmail for the Google nodes. Without it, those nodes can use sample data.</p>
      {params.get("google") === "connected" && <p role="status" className="notice">Google is connected.</p>}
      {params.get("googleError") && <p role="alert" className="error-banner">{params.get("googleError")}</p>}
      {status.data?.isConnected ? (
        <div className="toolbar">
          <span>Connected {status.data.connectedAt && formatRelativeTime(status.data.connectedAt)}.</span>
          <a className="button" href="/api/oauth/google/start">Reconnect Google</a>
          <button type="button" className="danger" onClick={() => disconnect.mutate()}>Disconnect</button>
        </div>
      ) : status.data?.isClientConfigured ? (
        <a className="button primary" href="/api/oauth/google/start">Connect Google</a>
      ) : (
        <form className="toolbar" onSubmit={submit} aria-label="Google OAuth client">
          <span className="muted">Set GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET, or enter your OAuth client:</span>
          <input aria-label="Client ID" value={clientId} onChange={(event) => setClientId(event.target.value)} placeholder="Client ID" />
          <input aria-label="Client secret" type="password" autoComplete="off" value={clientSecret} onChange={(event) => setClientSecret(event.target.value)} placeholder="Client secret" />
          <button type="submit" disabled={saveClient.isPending}>Save client</button>
        </form>
      )}
      <ErrorAlert error={saveClient.error ?? disconnect.error} />
    </ResourcePanel>
  );
}

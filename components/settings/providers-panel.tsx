"use client";
// Settings → Model providers: what the CLI's `providers` command prints, for the server this page runs on.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc-provider";
import { ErrorAlert, ResourceList, ResourcePanel, RowName } from "@/components/ui/resource-panel";
import type { ProviderStatusSummary } from "@/lib/llm/router/provider-status";

function ProviderRow({ status }: { status: ProviderStatusSummary }) {
  return (
    <>
      <RowName>
        {status.title}
        {status.isChosen && <span className="muted"> (used when a node names no provider)</span>}
      </RowName>
      <span data-testid="provider-availability" className={status.isAvailable ? "provider-available" : "provider-unavailable"}>
        {status.isAvailable ? "Available" : "Not available"}
      </span>
      {status.key !== "not needed" && <span data-testid="provider-key">Key {status.key}</span>}
      <span data-testid="provider-model">Default model {status.defaultModel}</span>
      {status.baseUrl && <span className="muted">{status.baseUrl}</span>}
      {!status.isAvailable && <p className="field-help provider-setup">To set up: {status.setupHint}</p>}
    </>
  );
}

export function ProvidersPanel() {
  const trpc = useTRPC();
  const statuses = useQuery(trpc.provider.status.queryOptions(undefined, { trpc: { context: { skipBatch: true } } }));
  const items = statuses.data?.map((status) => ({ ...status, id: status.name }));
  return (
    <ResourcePanel id="providers" title="Model providers">
      <p className="muted">The server&apos;s own settings (environment variables), in the order a provider is chosen. Keys stored under Credentials are used by the nodes that pick them.</p>
      {statuses.isPending && <p className="muted">Checking the providers…</p>}
      <ErrorAlert error={statuses.error} isBanner />
      <ResourceList items={items} rowTestId="provider-row">
        {(status) => <ProviderRow status={status} />}
      </ResourceList>
    </ResourcePanel>
  );
}

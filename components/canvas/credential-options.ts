"use client";
// The credential picker's choices: the server's environment variables (the empty credentialId), then the
// provider keys stored in Settings, by name, kind and last four characters (never more). A field that names
// other kinds (an MCP server's key) lists those instead, after "None".
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPC } from "@/components/trpc-provider";
import { isSameEndpoint } from "@/lib/credentials/endpoints";
import type { CredentialMap } from "@/lib/flow/node-kind";
import { providerDescriptor } from "@/lib/llm/providers";

export type CredentialOption = { value: string; label: string };

export const environmentCredential: CredentialOption = { value: "", label: "Use environment variables" };

// A key stored for another endpoint than the official API says which, since the node's Base URL must match it.
function endpointNote(kind: string, endpoint: string | undefined): string {
  if (!endpoint || isSameEndpoint(endpoint, providerDescriptor(kind)?.endpoint.official ?? undefined)) return "";
  return `, for ${endpoint}`;
}

/** The empty choice of a field for other kinds than model keys: nothing is sent. */
export const noCredential: CredentialOption = { value: "", label: "None" };

const otherKindTitles: Record<string, string> = { mcp: "MCP server" };

type StoredCredential = { id: string; name: string; kind: string; last4: string; endpoint?: string };

/** `kinds`: the credential kinds a field takes (e.g. ["mcp"]); absent: model provider keys. */
export function toCredentialOptions(credentials: StoredCredential[], kinds?: readonly string[]): CredentialOption[] {
  if (kinds) return [noCredential, ...credentials.filter((credential) => kinds.includes(credential.kind)).map(otherKindOption)];
  const keys = credentials
    .flatMap((credential) => {
      // Model providers' keys only (their kind is a provider in the registry), not Google's credentials.
      const provider = providerDescriptor(credential.kind);
      if (!provider?.credential) return [];
      const label = `${credential.name} (${provider.title} ••••${credential.last4}${endpointNote(credential.kind, credential.endpoint)})`;
      return [{ value: credential.id, label }];
    });
  return [environmentCredential, ...keys];
}

// Not a model key: its endpoint is always named, since the node's URL must be on that server.
function otherKindOption(credential: StoredCredential): CredentialOption {
  const title = otherKindTitles[credential.kind] ?? credential.kind;
  return { value: credential.id, label: `${credential.name} (${title} ••••${credential.last4}${credential.endpoint ? `, for ${credential.endpoint}` : ""})` };
}

/** `isEnabled` false (a read-only view) asks the server nothing; `kinds` as in toCredentialOptions. */
export function useCredentialOptions(isEnabled = true, kinds?: readonly string[]): CredentialOption[] {
  const trpc = useTRPC();
  const credentials = useQuery(trpc.credential.list.queryOptions(undefined, { enabled: isEnabled }));
  return toCredentialOptions(credentials.data ?? [], kinds);
}

/**
 * The kind and endpoint of each of the person's stored credentials, for the compiler's credential checks
 * in the browser (the same facts the server looks up for its compile); undefined until the list has loaded.
 */
export function useCredentialMap(): CredentialMap | undefined {
  const trpc = useTRPC();
  const credentials = useQuery(trpc.credential.list.queryOptions());
  return useMemo(
    () => credentials.data && new Map(credentials.data.map((credential) => [credential.id, { kind: credential.kind, endpoint: credential.endpoint }])),
    [credentials.data],
  );
}

/** Keeps a stored reference selectable even when the list does not (yet) know it. */
export function withCurrentCredential(options: CredentialOption[], current: string): CredentialOption[] {
  if (options.some((option) => option.value === current)) return options;
  return [...options, { value: current, label: `Stored credential ${current}` }];
}

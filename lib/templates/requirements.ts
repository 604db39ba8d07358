// What a template needs before it runs, read from its graph: each provider node names a model provider (and
// whether that provider takes a key), each node kind that reads a connected account names that account, and
// the template file may word a reason itself (its `credentials`). Pure, so the server lists it on each card
// and the card compares it with the user's stored credentials.
import { getNodeKind, readNodeConfig } from "@/lib/flow/catalog";
import type { FlowGraph } from "@/lib/flow/graph-schema";
import { readsSampleData } from "@/lib/flow/node-kind";
import { providerDescriptor, type ProviderDescriptor } from "@/lib/llm/providers";
import type { TemplateCredential, TemplateRequirement } from "./template-schema";

const integrationLabels: Record<string, string> = { google: "Google account" };

function providerRequirement(descriptor: ProviderDescriptor): TemplateRequirement {
  if (!descriptor.credential) {
    return { kind: descriptor.name, label: descriptor.title, needsCredential: false, optional: false, reason: `Runs on a ${descriptor.title} server; no key needed.` };
  }
  const variable = descriptor.endpoint.apiKeyVariable;
  const fallback = variable ? `, or the server's ${variable}` : "";
  return {
    kind: descriptor.name,
    label: descriptor.credential.label,
    needsCredential: true,
    optional: false,
    reason: `Uses ${descriptor.title}: a key stored under Settings → Credentials${fallback}.`,
  };
}

function integrationRequirement(id: string, isSampleDataOnly: boolean): TemplateRequirement {
  const label = integrationLabels[id] ?? id;
  return { kind: id, label, needsCredential: true, optional: isSampleDataOnly, reason: `Reads your ${label}.` };
}

/** Providers and connected accounts the graph uses, one entry per kind, in the order the graph first names them. */
export function graphRequirements(graph: FlowGraph): TemplateRequirement[] {
  const found = new Map<string, TemplateRequirement>();
  for (const node of graph.nodes) {
    const descriptor = node.type.startsWith("provider.") ? providerDescriptor(node.type.slice("provider.".length)) : undefined;
    if (descriptor && !found.has(descriptor.name)) found.set(descriptor.name, providerRequirement(descriptor));
    const kind = getNodeKind(node.type);
    const integration = kind?.integration?.id;
    if (!kind || !integration) continue;
    const isSample = readsSampleData(kind, kind.configSchema.parse(readNodeConfig(node)));
    const previous = found.get(integration);
    // Optional only while every node that reads the account can do without it.
    found.set(integration, integrationRequirement(integration, isSample && (previous?.optional ?? true)));
  }
  return [...found.values()];
}

/**
 * What a template needs: the graph's requirements, each replaced by the template's own declaration of the
 * same kind where there is one (its reason and optionality), then any declared kind the graph does not show.
 */
export function requirementsOf(graph: FlowGraph, declared: TemplateCredential[]): TemplateRequirement[] {
  const derived = graphRequirements(graph);
  const merged = derived.map((requirement) => {
    const declaration = declared.find((credential) => credential.kind === requirement.kind);
    return declaration ? { ...requirement, optional: declaration.optional, reason: declaration.reason } : requirement;
  });
  const extra = declared
    .filter((credential) => !derived.some((requirement) => requirement.kind === credential.kind))
    .map((credential) => ({ kind: credential.kind, label: integrationLabels[credential.kind] ?? providerDescriptor(credential.kind)?.title ?? credential.kind, needsCredential: true, optional: credential.optional, reason: credential.reason }));
  return [...merged, ...extra];
}

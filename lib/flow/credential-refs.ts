// The credential ids a graph names, so the server can look up their kind and endpoint before compiling.
/** Every non-empty `credentialId` string in the nodes' configs; tolerant of malformed graphs (returns what it can read). */
export function credentialIdsOf(graph: unknown): string[] {
  const nodes = (graph as { nodes?: unknown } | null)?.nodes;
  if (!Array.isArray(nodes)) return [];
  const ids = new Set<string>();
  for (const node of nodes) {
    const id = (node as { data?: { config?: { credentialId?: unknown } } } | null)?.data?.config?.credentialId;
    if (typeof id === "string" && id) ids.add(id);
  }
  return [...ids];
}

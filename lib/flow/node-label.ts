// The name a person knows a node by, for every place that names one (node faces, diagnostics, the run
// panel, the timeline, error messages). Ids stay in structured fields; sentences use this.
import { getNodeKind, nodeCatalog, readNodeConfig, type NodeCatalog } from "./catalog";

/** Enough of a graph node to name it. */
export type LabelledNode = { id: string; type?: string; data?: Record<string, unknown> };

const DISTINGUISHER_LENGTH = 4;
const MAX_ID_SHOWN = 24;
/** Ids the canvas makes: the kind, a dash and eight random characters (components/editor-state/clipboard.ts). */
const generatedId = /-[a-z0-9]{8}$/;

// A made-up id's last few characters tell two nodes of a kind apart; a hand-written id ("writer") reads whole.
function distinguisher(id: string): string {
  if (generatedId.test(id)) return id.slice(-DISTINGUISHER_LENGTH);
  return id.length > MAX_ID_SHOWN ? `…${id.slice(-MAX_ID_SHOWN)}` : id;
}

const nonBlank = (value: unknown): string | undefined => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);

/**
 * The node's own label (`data.label`), else its `name` setting (agents), else its kind's title and the end
 * of its id to tell two of a kind apart ("LLM #3tv4"; a hand-written id reads whole: "LLM #writer"). A
 * kind this catalog does not know names itself by its type.
 */
export function nodeLabel(node: LabelledNode, catalog: NodeCatalog = nodeCatalog): string {
  return labelWithTitle(node, node.type ? getNodeKind(node.type, catalog)?.title : undefined);
}

/** nodeLabel for a caller that has already looked the node's kind up: `kindTitle` is its title. */
export function labelWithTitle(node: LabelledNode, kindTitle: string | undefined): string {
  const data = node.data ?? {};
  const own = nonBlank(data.label) ?? nonBlank((readNodeConfig({ data }) as Record<string, unknown>).name);
  if (own) return own;
  return `${kindTitle || node.type || "Node"} #${distinguisher(node.id)}`;
}

/** Looks up labels by node id, falling back to the id itself for a node it was not given. */
export function labelLookup(nodes: Iterable<LabelledNode>, catalog: NodeCatalog = nodeCatalog): (nodeId: string) => string {
  const labels = new Map<string, string>();
  for (const node of nodes) labels.set(node.id, nodeLabel(node, catalog));
  return (nodeId) => labels.get(nodeId) ?? nodeId;
}

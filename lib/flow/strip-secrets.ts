// What leaves its owner (an export file, a share view, a duplicate) carries no secret, whatever the field
// is called: fields a node kind marks secret, credential-looking settings, header and query-parameter
// names that suggest a credential, and values shaped like well-known API keys. Each removal is reported.
import { isPlainObject, objectFromEntries } from "../plain-data.ts";
import { configJsonSchema, getNodeKind, type NodeCatalog, nodeCatalog } from "./catalog.ts";
import type { FlowGraph, GraphNode } from "./graph-schema.ts";

export type SecretRemovalReason = "secret field" | "credential setting" | "credential header or parameter" | "credential in a URL" | "value shaped like a key";

/**
 * One thing removed: the node, the path inside its `data` (`config.headers.Authorization`) and why. A removal
 * from the flow's own name or description has no `nodeId` and the path `name` or `description`.
 */
export type RemovedSecret = { nodeId?: string; path: string; reason: SecretRemovalReason };

export type StrippedGraph = { graph: FlowGraph; removed: RemovedSecret[] };

/** Setting names that hold a credential or point at one (a stored credential means nothing elsewhere). */
const credentialSettingPattern =
  /^(api[-_]?key|x[-_]api[-_]key|.*secret.*|.*password.*|passphrase|passwd|token|(access|refresh|auth|api|bearer|session|id)[-_]?token|authorization|cookie|set[-_]cookie|credential[-_]?id|private[-_]?key)$/i;

/** Inside a header map or a query string any of these words marks a credential (`X-Api-Key`, `access_token`). */
const credentialNamePattern = /key|token|secret|auth|password|passwd|cookie|session|signature/i;

/** Containers whose keys are header or query-parameter names. */
const nameMapPattern = /^(headers?|query|query[-_]?params|params|search[-_]?params|cookies)$/i;

/**
 * Well-known key formats: OpenAI (`sk-`, `sk-proj-`), Anthropic (`sk-ant-`), Google (`AIza` + 35),
 * GitHub tokens (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`, `github_pat_`), Slack (`xoxb-`, `xoxp-`, ...).
 */
const keyValuePattern =
  /\b(sk-ant-(?=[A-Za-z0-9_-]*\d)[A-Za-z0-9_-]{16,}|sk-(?=[A-Za-z0-9_-]*\d)[A-Za-z0-9_-]{16,}|AIza[0-9A-Za-z_-]{35}|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}|xox[abposre]-[A-Za-z0-9-]{10,})/g;

/** A header value that is credentials for an HTTP auth scheme (RFC 9110 §11.4), whatever the header is called. */
const authSchemeValuePattern = /^\s*(basic|bearer|token|digest|negotiate|ntlm|hoba|aws4-hmac-sha256)\s+\S/i;

const REMOVED = "[removed]";

type Walk = { nodeId?: string; removed: RemovedSecret[] };

function record(walk: Walk, path: string, reason: SecretRemovalReason) {
  walk.removed.push(walk.nodeId === undefined ? { path, reason } : { nodeId: walk.nodeId, path, reason });
}

/** Config fields a kind's schema marks secret (`.meta({ secret: true })` or a credential picker). */
function secretFieldsOf(type: string, catalog: NodeCatalog): Set<string> {
  const kind = getNodeKind(type, catalog);
  if (!kind) return new Set();
  const properties = (configJsonSchema(kind).properties ?? {}) as Record<string, Record<string, unknown>>;
  return new Set(Object.entries(properties).filter(([, field]) => field.secret === true || field.widget === "credential").map(([name]) => name));
}

function stripString(value: string, path: string, walk: Walk): string {
  let cleaned = value.replace(keyValuePattern, REMOVED);
  cleaned = stripUrlUserInfo(cleaned, path, walk);
  cleaned = stripUrlParameters(cleaned, path, walk);
  if (cleaned !== value && cleaned.includes(REMOVED)) record(walk, path, "value shaped like a key");
  return cleaned;
}

/** Drops the `user:password@` part of a string that is an http(s) URL (WHATWG URL userinfo). */
function stripUrlUserInfo(value: string, path: string, walk: Walk): string {
  if (!/^\s*https?:\/\/[^/?#\s]*@/i.test(value)) return value;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return value;
  }
  if (!url.username && !url.password) return value;
  url.username = "";
  url.password = "";
  record(walk, path, "credential in a URL");
  // URL adds a "/" to a bare origin; keep the spelling the person typed otherwise.
  const text = url.toString();
  return /^\s*https?:\/\/[^/?#\s]*$/i.test(value) ? text.replace(/\/$/, "") : text;
}

/** Drops credential-named query parameters from a string that is an http(s) URL. */
function stripUrlParameters(value: string, path: string, walk: Walk): string {
  if (!/^https?:\/\/\S+\?\S/i.test(value)) return value;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return value;
  }
  const names = [...url.searchParams.keys()].filter((name) => credentialNamePattern.test(name));
  if (names.length === 0) return value;
  for (const name of new Set(names)) {
    url.searchParams.delete(name);
    record(walk, `${path}?${name}`, "credential header or parameter");
  }
  return url.toString();
}

function stripValue(value: unknown, path: string, walk: Walk, isNameMap = false): unknown {
  if (typeof value === "string") return stripString(value, path, walk);
  if (Array.isArray(value)) return value.map((item, index) => stripValue(item, `${path}.${index}`, walk));
  if (!isPlainObject(value)) return value;
  const kept: [string, unknown][] = [];
  for (const [key, item] of Object.entries(value)) {
    const itemPath = path ? `${path}.${key}` : key;
    if (credentialSettingPattern.test(key)) {
      record(walk, itemPath, "credential setting");
    } else if (isNameMap && (credentialNamePattern.test(key) || (typeof item === "string" && authSchemeValuePattern.test(item)))) {
      record(walk, itemPath, "credential header or parameter");
    } else {
      kept.push([key, stripValue(item, itemPath, walk, nameMapPattern.test(key))]);
    }
  }
  return objectFromEntries(kept);
}

function stripNode(node: GraphNode, catalog: NodeCatalog, removed: RemovedSecret[]): GraphNode {
  const walk: Walk = { nodeId: node.id, removed };
  const secretFields = secretFieldsOf(node.type, catalog);
  let data = node.data;
  const config = data.config;
  if (secretFields.size > 0 && isPlainObject(config)) {
    const kept = Object.entries(config).filter(([name]) => {
      const isSecret = secretFields.has(name) && config[name] !== "" && config[name] !== undefined;
      if (isSecret) removed.push({ nodeId: node.id, path: `config.${name}`, reason: "secret field" });
      return !secretFields.has(name);
    });
    data = objectFromEntries(Object.entries(data).map(([key, item]) => [key, key === "config" ? objectFromEntries(kept) : item] as const));
  }
  return { ...node, data: stripValue(data, "", walk) as GraphNode["data"] };
}

/**
 * The graph without secrets, and the list of what was removed (empty when nothing was). Pure: the input
 * is not changed. Unknown node kinds get every rule except the schema's secret marks.
 */
export function stripSecrets(graph: FlowGraph, catalog: NodeCatalog = nodeCatalog): StrippedGraph {
  const removed: RemovedSecret[] = [];
  const nodes = graph.nodes.map((node) => stripNode(node, catalog, removed));
  return { graph: { ...graph, nodes }, removed };
}

/** A flow's own texts and, where present, its graph: a stored flow, a summary in a list, a saved version. */
export type FlowContent = { name?: string; description?: string; graph?: FlowGraph };

/**
 * The flow without secrets: its name and description get the value rules (key-shaped values, a URL's
 * `user:password@` and credential parameters), its graph everything `stripSecrets` does. Returns a copy with
 * the same fields (others kept as they are) and the list of removals, the flow's own texts first. Pure.
 */
export function stripFlowSecrets<T extends FlowContent>(flow: T, catalog: NodeCatalog = nodeCatalog): { flow: T; removed: RemovedSecret[] } {
  const removed: RemovedSecret[] = [];
  const walk: Walk = { removed };
  const copy = { ...flow };
  if (typeof flow.name === "string") copy.name = stripString(flow.name, "name", walk);
  if (typeof flow.description === "string") copy.description = stripString(flow.description, "description", walk);
  if (flow.graph) {
    const stripped = stripSecrets(flow.graph, catalog);
    copy.graph = stripped.graph;
    removed.push(...stripped.removed);
  }
  return { flow: copy, removed };
}

import { describe, expect, it } from "vitest";
import type { FlowGraph, GraphNode } from "./graph-schema.ts";
import { stripFlowSecrets, stripSecrets } from "./strip-secrets.ts";

const node = (id: string, type: string, data: Record<string, unknown>): GraphNode => ({ id, type, position: { x: 0, y: 0 }, data });
const graphOf = (...nodes: GraphNode[]): FlowGraph => ({ version: 1, nodes, edges: [] });
const only = (data: Record<string, unknown>, type = "tool.http") => stripSecrets(graphOf(node("n", type, data)));

const keys = {
  openai: "sk-proj-Ab3dEf9hIjKlMnOpQrStUvWx",
  anthropic: "sk-ant-api03-Zz9yXw8vUt7sRq6pOn5m",
  google: "AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW",
  github: "ghp_1234567890abcdefghijABCDEFGHIJ123456",
  slack: "xoxb-123456789012-abcdefABCDEF",
};

describe("stripSecrets", () => {
  it("drops fields the kind's schema marks secret (the credential picker), reporting each", () => {
    const { graph, removed } = only({ config: { model: "gpt-4o-mini", credentialId: "cred_1" } }, "provider.openai");
    expect(graph.nodes[0]!.data).toEqual({ config: { model: "gpt-4o-mini" } });
    expect(removed).toEqual([{ nodeId: "n", path: "config.credentialId", reason: "secret field" }]);
  });

  it.each(["apiKey", "api_key", "clientSecret", "webhook_secret", "password", "dbPassword", "token", "access_token", "refreshToken", "authorization", "cookie", "private_key"])(
    "drops a setting named %s at any depth",
    (name) => {
      const { graph, removed } = only({ config: { nested: { [name]: "value", keep: 1 } } });
      expect(graph.nodes[0]!.data).toEqual({ config: { nested: { keep: 1 } } });
      expect(removed).toEqual([{ nodeId: "n", path: `config.nested.${name}`, reason: "credential setting" }]);
    },
  );

  it("keeps ordinary settings that merely contain such words", () => {
    const data = { config: { maxTokens: 200, author: "Ada", keyword: "x", monkey: 1, tokenizer: "cl100k" } };
    expect(only(data)).toEqual({ graph: graphOf(node("n", "tool.http", data)), removed: [] });
  });

  it.each(["X-Api-Key", "Authorization", "Proxy-Authorization", "X-Auth-Token", "Cookie", "X-Client-Secret", "X-Password", "apikey"])(
    "drops the %s header",
    (header) => {
      const { graph, removed } = only({ config: { headers: { [header]: "v", Accept: "application/json" } } });
      expect(graph.nodes[0]!.data).toEqual({ config: { headers: { Accept: "application/json" } } });
      expect(removed.map((item) => item.path)).toEqual([`config.headers.${header}`]);
    },
  );

  it("drops credential-named query parameters from URLs, keeping the others", () => {
    const { graph, removed } = only({ config: { url: "https://api.example.com/v1/items?q=news&api_key=abc&access_token=t&page=2" } });
    expect(graph.nodes[0]!.data).toEqual({ config: { url: "https://api.example.com/v1/items?q=news&page=2" } });
    expect(removed.map((item) => item.path).sort()).toEqual(["config.url?access_token", "config.url?api_key"]);
    const query = only({ config: { query: { key: "k", q: "news" } } });
    expect(query.graph.nodes[0]!.data).toEqual({ config: { query: { q: "news" } } });
  });

  it("drops the user name and password written into a URL, in the HTTP tool and in a model's Base URL", () => {
    const { graph, removed } = only({ config: { url: "https://ada:hunter2pass@api.example.com/v1/items?q=news" } });
    expect(graph.nodes[0]!.data).toEqual({ config: { url: "https://api.example.com/v1/items?q=news" } });
    expect(removed).toEqual([{ nodeId: "n", path: "config.url", reason: "credential in a URL" }]);
    const model = only({ config: { model: "gpt-4o", baseUrl: "https://proxy-user:p4ssw0rd@proxy.example.com/v1" } }, "provider.openai");
    expect(JSON.stringify(model.graph)).not.toContain("p4ssw0rd");
    expect(model.graph.nodes[0]!.data).toEqual({ config: { model: "gpt-4o", baseUrl: "https://proxy.example.com/v1" } });
  });

  it.each(["Basic dXNlcjpodW50ZXIy", "Bearer abc.def.ghi", "token 0123456789abcdef", "Digest username=\"ada\", response=\"6629fae4\""])(
    "drops a header of any name whose value is credentials for an auth scheme (%s)",
    (value) => {
      const { graph, removed } = only({ config: { headers: { "X-Upstream": value, Accept: "application/json" } } });
      expect(graph.nodes[0]!.data).toEqual({ config: { headers: { Accept: "application/json" } } });
      expect(removed).toEqual([{ nodeId: "n", path: "config.headers.X-Upstream", reason: "credential header or parameter" }]);
    },
  );

  it.each(Object.entries(keys))("removes a %s-shaped key wherever it appears in a value", (_name, key) => {
    const { graph, removed } = only({ config: { body: `{"note": "use ${key} here"}`, label: key } });
    const text = JSON.stringify(graph);
    expect(text).not.toContain(key);
    expect(graph.nodes[0]!.data).toEqual({ config: { body: '{"note": "use [removed] here"}', label: "[removed]" } });
    expect(removed.map((item) => [item.path, item.reason])).toEqual([
      ["config.body", "value shaped like a key"],
      ["config.label", "value shaped like a key"],
    ]);
  });

  it("leaves look-alikes that are not keys", () => {
    const data = { config: { text: "use sk-learn-classification-model and risk-assessment, task-xox", ask: "sk-" } };
    expect(only(data).removed).toEqual([]);
  });

  it("does not change its input and keeps __proto__ keys as data", () => {
    const data = JSON.parse('{"config": {"__proto__": {"apiKey": "x", "ok": 1}}}') as Record<string, unknown>;
    const input = graphOf(node("n", "tool.http", data));
    const before = JSON.stringify(input);
    const { graph } = stripSecrets(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(JSON.stringify(graph.nodes[0]!.data)).toBe('{"config":{"__proto__":{"ok":1}}}');
  });
});

describe("stripFlowSecrets", () => {
  it("applies the value rules to the flow's name and description, reporting them first and without a node", () => {
    const flow = { id: "f1", name: `Bot ${keys.openai}`, description: `Posts with ${keys.slack}, reads with ${keys.github}`, graph: graphOf(node("n", "tool.http", { config: { body: keys.anthropic } })) };
    const { flow: stripped, removed } = stripFlowSecrets(flow);
    expect(stripped).toEqual({ id: "f1", name: "Bot [removed]", description: "Posts with [removed], reads with [removed]", graph: graphOf(node("n", "tool.http", { config: { body: "[removed]" } })) });
    expect(removed).toEqual([
      { path: "name", reason: "value shaped like a key" },
      { path: "description", reason: "value shaped like a key" },
      { nodeId: "n", path: "config.body", reason: "value shaped like a key" },
    ]);
    expect(flow.name).toBe(`Bot ${keys.openai}`);
  });

  it("strips only the fields it is given and keeps ordinary names", () => {
    expect(stripFlowSecrets({ name: "Daily brief", version: 3 })).toEqual({ flow: { name: "Daily brief", version: 3 }, removed: [] });
  });
});

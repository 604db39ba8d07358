// Export, share views and duplicates carry no secret, whatever the field is called.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FlowGraph } from "@/lib/flow/graph-schema";
import { createTestCaller } from "@/testing/trpc-caller";

const secrets = ["cred_live_1", "sk-proj-Ab3dEf9hIjKlMnOpQrStUvWx", "hunter2", "tok_abc", "AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW"];

const graphWithSecrets = (): FlowGraph => ({
  version: 1,
  nodes: [
    { id: "model", type: "provider.openai", position: { x: 0, y: 0 }, data: { config: { model: "gpt-4o-mini", credentialId: secrets[0] } } },
    {
      id: "http",
      type: "tool.http",
      position: { x: 200, y: 0 },
      data: {
        config: {
          url: `https://api.example.com/search?q=news&key=${secrets[4]}`,
          headers: { "X-Api-Key": secrets[3], Accept: "application/json" },
          body: `{"openai": "${secrets[1]}"}`,
          dbPassword: secrets[2],
        },
      },
    },
  ],
  edges: [],
});

const expectNoSecret = (value: unknown) => {
  const text = JSON.stringify(value);
  for (const secret of secrets) expect(text).not.toContain(secret);
};

describe("secrets leave with nothing that carries a flow out", () => {
  let harness: Awaited<ReturnType<typeof createTestCaller>>;
  let flowId: string;
  beforeAll(async () => {
    harness = await createTestCaller();
    flowId = (await harness.caller.flow.create({ name: "Keys", graph: graphWithSecrets() })).id;
  });
  afterAll(async () => harness?.database.drop());

  it("export drops every secret and lists what it removed", async () => {
    const document = await harness.caller.flow.export({ id: flowId });
    expectNoSecret(document.graph);
    expect(document.graph.nodes[1]!.data).toEqual({
      config: { url: "https://api.example.com/search?q=news", headers: { Accept: "application/json" }, body: '{"openai": "[removed]"}' },
    });
    expect(document.removedSecrets?.map((item) => `${item.nodeId} ${item.path}`).sort()).toEqual([
      "http config.body",
      "http config.dbPassword",
      "http config.headers.X-Api-Key",
      "http config.url?key",
      "model config.credentialId",
    ]);
  });

  it("a share view and a duplicate carry none, while the original keeps them", async () => {
    const { token } = await harness.caller.share.create({ flowId });
    expectNoSecret(await harness.caller.share.view({ token }));
    expectNoSecret((await harness.caller.share.duplicate({ token })).graph);
    expectNoSecret((await harness.caller.flow.duplicate({ id: flowId })).graph);
    expect(JSON.stringify((await harness.caller.flow.get({ id: flowId })).graph)).toContain(secrets[2]);
  });
});

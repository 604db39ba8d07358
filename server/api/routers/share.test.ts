import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FlowGraph } from "@/lib/flow/graph-schema";
import { createTestCaller } from "@/testing/trpc-caller";

const graph: FlowGraph = {
  version: 1,
  nodes: [
    { id: "m", type: "provider.openai", position: { x: 0, y: 0 }, data: { config: { model: "gpt-4o-mini", credentialId: "cred_9", apiKey: "sk-hidden" } } },
  ],
  edges: [],
};

describe("share router", () => {
  let harness: Awaited<ReturnType<typeof createTestCaller>>;
  beforeAll(async () => (harness = await createTestCaller()));
  afterAll(async () => harness?.database.drop());

  it("creates a random link stored only as a hash, showing the flow without secrets", async () => {
    const { caller, database } = harness;
    const flow = await caller.flow.create({ name: "Shared", graph });
    const link = await caller.share.create({ flowId: flow.id });
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.path).toBe(`/share/${link.token}`);
    expect(link.token).not.toContain(flow.id);
    const stored = await database.prisma.shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(JSON.stringify(stored)).not.toContain(link.token);

    const view = await caller.share.view({ token: link.token });
    expect(view.name).toBe("Shared");
    expect(view.graph.nodes[0]?.data).toEqual({ config: { model: "gpt-4o-mini" } });
    expect(JSON.stringify(view)).not.toMatch(/sk-hidden|cred_9/);
  });

  it("shows the flow as it is now", async () => {
    const { caller } = harness;
    const flow = await caller.flow.create({ name: "Live" });
    const { token } = await caller.share.create({ flowId: flow.id });
    await caller.flow.update({ id: flow.id, version: 1, graph: { version: 1, nodes: [{ id: "n", type: "input", position: { x: 1, y: 1 }, data: {} }], edges: [] } });
    expect((await caller.share.view({ token })).graph.nodes.map((node) => node.id)).toEqual(["n"]);
  });

  it("lists links by prefix and makes a revoked or unknown token NOT_FOUND", async () => {
    const { caller } = harness;
    const flow = await caller.flow.create({ name: "Revocable" });
    const first = await caller.share.create({ flowId: flow.id });
    const second = await caller.share.create({ flowId: flow.id });
    const links = await caller.share.list({ flowId: flow.id });
    expect(links.map((link) => link.tokenPrefix).sort()).toEqual([first.token.slice(0, 6), second.token.slice(0, 6)].sort());

    const revoked = await caller.share.revoke({ id: first.id });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    await expect(caller.share.view({ token: first.token })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.share.view({ token: "not-a-real-token" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await caller.share.view({ token: second.token })).name).toBe("Revocable");
  });

  it("duplicates a shared flow into a new flow without secrets", async () => {
    const { caller } = harness;
    const flow = await caller.flow.create({ name: "Source", graph });
    const { token } = await caller.share.create({ flowId: flow.id });
    const copy = await caller.share.duplicate({ token });
    expect(copy.id).not.toBe(flow.id);
    expect(copy.name).toBe("Source (copy)");
    expect(JSON.stringify(copy.graph)).not.toMatch(/sk-hidden|cred_9/);
  });
});

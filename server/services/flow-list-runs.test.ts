// The home page's flow list: each flow carries a preview of its graph and the latest run the caller may read
// (their own, or anyone's on a flow they own: the same runs as the flow's run history).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FlowGraph } from "@/lib/flow/graph-schema";
import { testDatabases } from "@/testing/databases";
import { createTestUser, type TestUser } from "@/testing/users";
import { createFlowService, type FlowService } from "./flow-service";

const graph: FlowGraph = {
  version: 1,
  nodes: [
    { id: "in", type: "input", position: { x: 0, y: 0 }, data: {} },
    { id: "out", type: "output", position: { x: 300, y: 0 }, data: {} },
  ],
  edges: [{ id: "e1", source: "in", sourceHandle: "text", target: "out", targetHandle: "value" }],
};

describe.each(testDatabases())("flow list with last runs on $provider", ({ create }) => {
  let database: Awaited<ReturnType<typeof create>>;
  let flows: FlowService;
  let owner: TestUser;
  let member: TestUser;
  let stranger: TestUser;

  beforeAll(async () => {
    database = await create();
    flows = createFlowService(database);
    [owner, member, stranger] = [await createTestUser(database), await createTestUser(database), await createTestUser(database)];
  });
  afterAll(async () => database?.drop());

  const addRun = (user: TestUser, flowId: string, status: string, createdAt: string, finishedAt: string | null = null) =>
    database.prisma.run.create({
      data: { userId: user.id, flowId, flowVersion: 1, status, graph: {}, createdAt: new Date(createdAt), finishedAt: finishedAt && new Date(finishedAt) },
    });

  it("gives each flow the caller's latest run with its status and times, and null for a flow never run", async () => {
    const ran = await flows.create(owner.caller, { name: "Ran", graph });
    const fresh = await flows.create(owner.caller, { name: "Fresh", graph });
    await addRun(owner, ran.id, "succeeded", "2026-11-01T09:00:00.000Z", "2026-11-01T09:00:05.000Z");
    const latest = await addRun(owner, ran.id, "failed", "2026-11-02T10:30:00.000Z", "2026-11-02T10:30:02.500Z");

    const listed = await flows.list(owner.caller);
    expect(listed.find((flow) => flow.id === ran.id)!.lastRun).toEqual({
      id: latest.id,
      status: "failed",
      createdAt: new Date("2026-11-02T10:30:00.000Z"),
      finishedAt: new Date("2026-11-02T10:30:02.500Z"),
    });
    expect(listed.find((flow) => flow.id === fresh.id)!.lastRun).toBeNull();
  });

  it("counts the runs the caller may read: the owner sees a member's run, the member only their own, a stranger no flow", async () => {
    const shared = await flows.create(owner.caller, { name: "Shared", graph });
    await database.prisma.flowMember.create({ data: { flowId: shared.id, userId: member.id, role: "editor" } });
    await addRun(member, shared.id, "cancelled", "2026-11-03T08:00:00.000Z", "2026-11-03T08:00:01.000Z");
    await addRun(owner, shared.id, "succeeded", "2026-11-04T08:00:00.000Z", "2026-11-04T08:00:01.000Z");
    await addRun(member, shared.id, "failed", "2026-11-05T08:00:00.000Z", "2026-11-05T08:00:01.000Z");
    const lastRunOf = async (user: TestUser) => (await flows.list(user.caller)).find((flow) => flow.id === shared.id)!.lastRun;

    expect(await lastRunOf(owner)).toMatchObject({ status: "failed", createdAt: new Date("2026-11-05T08:00:00.000Z") });
    await addRun(owner, shared.id, "succeeded", "2026-11-06T08:00:00.000Z", "2026-11-06T08:00:01.000Z");
    // The member's latest readable run is still their own, although the owner ran it since.
    expect(await lastRunOf(member)).toMatchObject({ status: "failed", createdAt: new Date("2026-11-05T08:00:00.000Z") });
    expect(await lastRunOf(owner)).toMatchObject({ status: "succeeded", createdAt: new Date("2026-11-06T08:00:00.000Z") });
    expect(await flows.list(stranger.caller)).toEqual([]);
  });

  it("previews each flow's graph", async () => {
    const flow = await flows.create(owner.caller, { name: "Previewed", graph });
    const listed = (await flows.list(owner.caller, { search: "Previewed" }))[0]!;
    expect(listed.id).toBe(flow.id);
    expect(listed.preview.nodes.map((node) => node.id)).toEqual(["in", "out"]);
    expect(listed.preview.edges).toEqual([{ source: "in", target: "out" }]);
  });
});

// Sharing a flow with another user of the server: a viewer opens, runs and duplicates it but cannot save,
// delete or share it; an editor can save; revoking ends access at once; and a member's run uses the member's
// own credentials, never the owner's.
import { randomBytes } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProviderResolver } from "@/lib/engine";
import type { FlowGraph } from "@/lib/flow/graph-schema";
import { createVault } from "@/lib/secrets";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { createServices } from "@/server/services";
import { createRunService } from "@/server/runs/run-service";
import { testDatabases } from "@/testing/databases";
import { chatGraph } from "@/testing/flow-graphs";
import { startOpenAIServer } from "@/testing/servers/openai";
import type { ScriptedServer } from "@/testing/servers/scripted-server";
import { createTestUser, type TestUser } from "@/testing/users";

const OWNER_KEY = "sk-owner-7a1c9e55d0b2";

function openAIGraph(credentialId: string, baseUrl: string): FlowGraph {
  const graph = chatGraph();
  graph.nodes[1] = { id: "model", type: "provider.openai", position: { x: 220, y: 0 }, data: { config: { model: "gpt-4o-mini", baseUrl, credentialId, retryAttempts: 0 } } };
  return graph;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => "answered",
    (error: unknown) => (error instanceof TRPCError ? error.code : String(error)),
  );
}

describe.each(testDatabases())("flow members on $provider", ({ create }) => {
  let database: Awaited<ReturnType<typeof create>>;
  let openai: ScriptedServer;
  let runs: ReturnType<typeof createRunService>;
  let services: ReturnType<typeof createServices>;
  let owner: TestUser;
  let member: TestUser;
  const callers = new Map<string, ReturnType<typeof createCaller>>();
  const as = (user: TestUser) => callers.get(user.id)!;

  beforeAll(async () => {
    openai = await startOpenAIServer({ apiKey: OWNER_KEY });
    database = await create();
    const vault = createVault(randomBytes(32));
    services = createServices(database, () => vault);
    runs = createRunService({ db: database, flows: services.flows }, {
      maxConcurrentRuns: 2,
      runTimeoutMs: 20_000,
      providers: (userId) => createProviderResolver({ resolveCredential: (id) => services.credentials.resolveForRun({ userId }, id), env: { OSMEN_HTTP_ALLOWLIST: "127.0.0.1" } }),
    });
    owner = await createTestUser(database, { name: "Ada Owner" });
    member = await createTestUser(database, { name: "Bo Member", email: "bo@example.test" });
    for (const user of [owner, member]) {
      callers.set(user.id, createCaller(await createContext({ headers: new Headers(), caller: user.caller, app: { db: database, runs, services } })));
    }
  });
  afterAll(async () => {
    await runs?.idle();
    await openai?.close();
    await database?.drop();
  });

  async function sharedFlow(role: "viewer" | "editor", graph: FlowGraph = chatGraph()) {
    const flow = await as(owner).flow.create({ name: `Shared with a ${role}`, graph });
    await as(owner).flowMember.add({ flowId: flow.id, email: "BO@example.test", role });
    return flow;
  }

  it("a viewer sees the flow in their list, whose it is, and can open, run and duplicate it", async () => {
    const flow = await sharedFlow("viewer");
    const listed = (await as(member).flow.list()).find((each) => each.id === flow.id);
    expect(listed).toMatchObject({ access: "viewer", owner: { id: owner.id, name: "Ada Owner" } });
    expect(await as(member).flow.get({ id: flow.id })).toMatchObject({ access: "viewer", graph: flow.graph });
    expect(await as(member).flow.versions({ id: flow.id })).toEqual([]);

    const copy = await as(member).flow.duplicate({ id: flow.id });
    expect(copy).toMatchObject({ access: "owner", owner: { id: member.id } });
    expect((await database.prisma.flow.findUniqueOrThrow({ where: { id: copy.id } })).ownerId).toBe(member.id);

    const { runId } = await as(member).run.start({ flowId: flow.id, input: "hi" });
    expect((await database.prisma.run.findUniqueOrThrow({ where: { id: runId } })).userId).toBe(member.id);
    expect((await as(owner).run.list({ flowId: flow.id })).map((run) => run.id)).toContain(runId);
    expect(await as(owner).run.get({ runId })).toMatchObject({ id: runId });
  });

  it("a viewer cannot save, rename, restore, delete, share or manage people, and nothing changes", async () => {
    const flow = await sharedFlow("viewer");
    await as(owner).flow.update({ id: flow.id, version: 1, graph: flow.graph, description: "v2" });
    const before = await database.prisma.flow.findUniqueOrThrow({ where: { id: flow.id } });
    const attempts = {
      update: as(member).flow.update({ id: flow.id, version: 2, graph: chatGraph({ system: "mine" }) }),
      rename: as(member).flow.rename({ id: flow.id, name: "Mine now" }),
      restoreVersion: as(member).flow.restoreVersion({ id: flow.id, version: 1, expectedVersion: 2 }),
      delete: as(member).flow.delete({ id: flow.id }),
      shareCreate: as(member).share.create({ flowId: flow.id }),
      shareList: as(member).share.list({ flowId: flow.id }),
      membersList: as(member).flowMember.list({ flowId: flow.id }),
      memberSetRole: as(member).flowMember.setRole({ flowId: flow.id, userId: member.id, role: "editor" }),
    };
    const codes = Object.fromEntries(await Promise.all(Object.entries(attempts).map(async ([name, attempt]) => [name, await codeOf(attempt)])));
    expect(codes).toEqual(Object.fromEntries(Object.keys(attempts).map((name) => [name, "FORBIDDEN"])));
    expect(await database.prisma.flow.findUniqueOrThrow({ where: { id: flow.id } })).toEqual(before);
    expect(await database.prisma.flowMember.findFirstOrThrow({ where: { flowId: flow.id } })).toMatchObject({ role: "viewer" });
    expect(await database.prisma.shareLink.count({ where: { flowId: flow.id } })).toBe(0);
  });

  it("an editor can save, rename and restore, but not delete or share", async () => {
    const flow = await sharedFlow("editor");
    const saved = await as(member).flow.update({ id: flow.id, version: 1, graph: chatGraph({ system: "edited" }) });
    expect(saved).toMatchObject({ version: 2 });
    expect((await as(member).flow.get({ id: flow.id })).access).toBe("editor");
    expect(await as(member).flow.rename({ id: flow.id, name: "Renamed by editor" })).toMatchObject({ name: "Renamed by editor" });
    expect(await as(member).flow.restoreVersion({ id: flow.id, version: 1, expectedVersion: 2 })).toMatchObject({ version: 3 });
    expect(await codeOf(as(member).flow.delete({ id: flow.id }))).toBe("FORBIDDEN");
    expect(await codeOf(as(member).share.create({ flowId: flow.id }))).toBe("FORBIDDEN");
    expect((await as(owner).flow.get({ id: flow.id })).version).toBe(3);
  });

  it("the owner lists, changes and revokes members; a revoked member reads the flow as missing", async () => {
    const flow = await sharedFlow("viewer");
    expect(await as(owner).flowMember.list({ flowId: flow.id })).toEqual([expect.objectContaining({ userId: member.id, email: "bo@example.test", role: "viewer" })]);
    expect(await as(owner).flowMember.setRole({ flowId: flow.id, userId: member.id, role: "editor" })).toMatchObject({ role: "editor" });
    await as(owner).flowMember.remove({ flowId: flow.id, userId: member.id });
    expect(await codeOf(as(member).flow.get({ id: flow.id }))).toBe("NOT_FOUND");
    expect(await codeOf(as(member).run.start({ flowId: flow.id, input: "x" }))).toBe("NOT_FOUND");
    expect(await codeOf(as(member).flow.update({ id: flow.id, version: 1, graph: flow.graph }))).toBe("NOT_FOUND");
    expect((await as(member).flow.list()).map((each) => each.id)).not.toContain(flow.id);
    expect(await codeOf(as(owner).flowMember.remove({ flowId: flow.id, userId: member.id }))).toBe("NOT_FOUND");
  });

  it("adding an email no one on the server has is NOT_FOUND, saying so", async () => {
    const flow = await as(owner).flow.create({ name: "Lonely" });
    const error = await as(owner).flowMember.add({ flowId: flow.id, email: "nobody@example.test", role: "viewer" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    expect(error).toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining("nobody@example.test") });
    expect(await codeOf(as(owner).flowMember.add({ flowId: flow.id, email: "not an email", role: "viewer" }))).toBe("BAD_REQUEST");
    expect(await database.prisma.flowMember.count({ where: { flowId: flow.id } })).toBe(0);
  });

  it("a member's run uses the member's credentials: the owner's credential reads as missing and is never sent", async () => {
    const credential = await as(owner).credential.create({ name: "Owner's OpenAI", kind: "openai", secret: OWNER_KEY, baseUrl: openai.url });
    const flow = await sharedFlow("viewer", openAIGraph(credential.id, openai.url));

    openai.enqueue({ text: ["owner's answer"] });
    const ownRun = await as(owner).run.start({ flowId: flow.id, input: "hi" });
    expect(await runs.waitFor(owner.caller, ownRun.runId)).toMatchObject({ status: "succeeded", output: "owner's answer" });
    const requestsBefore = openai.requests.length;

    const memberRun = await as(member).run.start({ flowId: flow.id, input: "hi" });
    const detail = await runs.waitFor(member.caller, memberRun.runId);
    expect(detail.status).toBe("failed");
    expect(JSON.stringify(detail.nodes)).toMatch(/credential/i);
    expect(openai.requests.length).toBe(requestsBefore);
    expect(await codeOf(as(member).credential.delete({ id: credential.id }))).toBe("NOT_FOUND");
  });
});

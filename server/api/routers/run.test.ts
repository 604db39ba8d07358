// run.get through the tRPC router says what the canvas says: a stopped run and its stopped nodes are
// cancelled, and a model node used by a successful run succeeded and counts its model calls.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { createApp, type App } from "@/server/app";
import { testDatabases } from "@/testing/databases";
import { chatGraph } from "@/testing/flow-graphs";
import { createGate } from "@/testing/latches";
import { createScriptedProvider, lastUserText } from "@/testing/scripted-provider";
import { localTestCaller } from "@/testing/trpc-caller";

let database: Awaited<ReturnType<ReturnType<typeof testDatabases>[0]["create"]>>;
let app: App;
let caller: ReturnType<typeof createCaller>;
// "wait" never answers on its own: only Stop ends that run.
const provider = createScriptedProvider({ respond: (call) => (lastUserText(call) === "wait" ? { text: "never", until: createGate().promise } : "four") });

beforeAll(async () => {
  database = await testDatabases()[0]!.create();
  app = createApp({ db: database, runs: { maxConcurrentRuns: 4, runTimeoutMs: 30_000, providers: () => provider } });
  caller = createCaller(await createContext({ headers: new Headers(), caller: localTestCaller, app }));
});
afterAll(async () => {
  await app?.runs.idle();
  await database?.drop();
});

describe("run.get", () => {
  it("after Stop: the run, the node it stopped and the model that node was using read cancelled, and the row is stored cancelled", async () => {
    const flow = await caller.flow.create({ name: "Stop me", graph: chatGraph() });
    const { runId } = await caller.run.start({ flowId: flow.id, input: "wait" });
    for await (const event of app.runs.events(localTestCaller, runId, 0)) if (event.type === "node.started" && event.nodeId === "llm") break;
    await caller.run.cancel({ runId });
    await app.runs.waitFor(localTestCaller, runId);
    const run = await caller.run.get({ runId });
    expect(run).toMatchObject({ status: "cancelled", error: { code: "cancelled" } });
    expect(run.nodes).toMatchObject({ input: { status: "succeeded" }, llm: { status: "cancelled" }, model: { status: "cancelled" }, output: { status: "cancelled" } });
    expect(await database.prisma.run.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ status: "cancelled" });
  });

  it("after a successful run: no node is cancelled, and the model node counts its calls", async () => {
    const flow = await caller.flow.create({ name: "Answer", graph: chatGraph() });
    const { runId } = await caller.run.start({ flowId: flow.id, input: "2+2?" });
    await app.runs.waitFor(localTestCaller, runId);
    const run = await caller.run.get({ runId });
    expect(run.status).toBe("succeeded");
    expect(Object.values(run.nodes).map((node) => node.status)).toEqual(["succeeded", "succeeded", "succeeded", "succeeded"]);
    expect(run.nodes.model).toMatchObject({ uses: { as: "model", count: 1, by: ["llm"] } });
  });
});
